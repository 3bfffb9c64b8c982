package com.example.orders.platform.messaging;

/**
 * Marks the bean that holds a service's consumers: its public {@code @Incoming} methods, each on the channel named
 * after its topic, taking a {@code ConsumerRecord<String, byte[]>} and returning {@code Uni<Void>} (see
 * {@link Consumption}). A replay ({@code ./suite replay}) feeds records through the same methods, so a consumer that
 * implements this can be replayed and one that does not is refused at startup of the replay, not skipped.
 */
public interface EventConsumer {
}

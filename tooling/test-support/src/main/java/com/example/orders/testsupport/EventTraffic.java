package com.example.orders.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.example.orders.events.EventEnvelope;
import com.example.orders.events.EventSerde;
import com.example.orders.events.EventType;
import com.example.orders.operations.TopicRecords;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * A test playing the other services of the saga against the test broker: it sends their events and waits for the
 * service's answers.
 */
public final class EventTraffic {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** Sends the events, in order, and waits until the broker has them. */
    public static void send(ContractEvents.Sent... events) {
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers())) {
            companion.produce(String.class, byte[].class)
                    .fromRecords(List.of(events).stream().map(ContractEvents.Sent::toRecord).toList())
                    .awaitCompletion();
        }
    }

    /** An event another service would emit because of {@code cause}. */
    public static ContractEvents.Sent reply(EventEnvelope cause, Record payload) {
        return new ContractEvents.Sent(EventEnvelope.causedBy(cause, "/test", EventType.ofPayload(payload),
                Instant.now()), payload);
    }

    /** Waits for the order's event on the topic and checks it is the only one. */
    public static EventEnvelope awaitOne(String topic, String orderId) {
        return EventEnvelope.readFrom(awaitOneRecord(topic, orderId).headers());
    }

    /** Waits for the order's event on the topic, checks it is the only one, and reads its payload. */
    public static <T extends Record> T awaitOne(String topic, String orderId, Class<T> payloadType) {
        return EventSerde.deserialize(awaitOneRecord(topic, orderId).value(), payloadType);
    }

    /** The order's events on the topic so far. */
    public static List<ConsumerRecord<String, byte[]>> recordsOf(String topic, String orderId) {
        return TopicRecords.withKey(bootstrapServers(), topic, orderId);
    }

    private static ConsumerRecord<String, byte[]> awaitOneRecord(String topic, String orderId) {
        await().atMost(PATIENCE).until(() -> !recordsOf(topic, orderId).isEmpty());
        List<ConsumerRecord<String, byte[]>> records = recordsOf(topic, orderId);
        assertThat(records).as("events of order %s on %s", orderId, topic).hasSize(1);
        return records.get(0);
    }

    private static String bootstrapServers() {
        return TestInfrastructure.kafka().bootstrapServers();
    }

    private EventTraffic() {
    }
}

package ${package}.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A confirmed order as ${artifactId} knows it. The domain is plain Java: your business rules go here (the build refuses
 * framework, persistence and wire types in this package), and {@code application} calls them.
 */
public record ReceivedOrder(String orderId, String customerId, Instant receivedAt) {

    public ReceivedOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}

package com.example.orders.events.v1;

import java.time.Instant;
import java.util.Objects;

/** The order ended without being fulfilled; {@code reason} says why. Compensation follows from this fact. */
public record OrderCancelledV1(String orderId, String customerId, String customerEmail, CancellationReason reason,
        Instant cancelledAt) {

    public OrderCancelledV1 {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
    }
}

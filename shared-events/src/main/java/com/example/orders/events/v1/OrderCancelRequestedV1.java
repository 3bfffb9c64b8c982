package com.example.orders.events.v1;

import java.time.Instant;
import java.util.Objects;

/** The customer asked to cancel an order that was not yet confirmed. */
public record OrderCancelRequestedV1(String orderId, String customerId, Instant requestedAt) {

    public OrderCancelRequestedV1 {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}

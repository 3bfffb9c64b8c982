package com.example.orders.events.v1;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A customer placed an order. Starts the saga. {@code customerEmail} is optional: without it, notification-service
 * writes to {@code <customerId>@<notifications.fallback-recipient-domain>}; there is no customer directory to ask.
 */
public record OrderCreatedV1(String orderId, String customerId, String customerEmail, List<OrderLine> items,
        String paymentToken, Instant createdAt) {

    public OrderCreatedV1 {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(paymentToken, "paymentToken");
        Objects.requireNonNull(createdAt, "createdAt");
        items = List.copyOf(items);
    }
}

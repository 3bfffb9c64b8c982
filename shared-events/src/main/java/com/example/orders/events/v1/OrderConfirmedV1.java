package com.example.orders.events.v1;

import java.time.Instant;
import java.util.Objects;

/** The order is paid for and its stock is committed: the saga ended well. */
public record OrderConfirmedV1(String orderId, String customerId, String customerEmail, Money total,
        Instant confirmedAt) {

    public OrderConfirmedV1 {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
    }
}

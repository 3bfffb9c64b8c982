package com.example.orders.events.v1;

import java.time.Instant;
import java.util.Objects;

/** No money was taken for the order. {@code detail} is for people, {@code reason} for programs. */
public record PaymentFailedV1(String orderId, PaymentFailureReason reason, String detail, Instant failedAt) {

    public PaymentFailedV1 {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(failedAt, "failedAt");
    }
}

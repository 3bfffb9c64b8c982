package com.example.orders.events.v1;

import java.time.Instant;
import java.util.Objects;

/** Money captured for an order that was then cancelled went back to the customer. */
public record PaymentRefundedV1(String orderId, String paymentId, Money amount, Instant refundedAt) {

    public PaymentRefundedV1 {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(refundedAt, "refundedAt");
    }
}

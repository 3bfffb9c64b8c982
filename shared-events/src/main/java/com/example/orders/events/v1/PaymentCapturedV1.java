package com.example.orders.events.v1;

import java.time.Instant;
import java.util.Objects;

/** The payment provider took the money; {@code paymentId} is the provider's reference for a later refund. */
public record PaymentCapturedV1(String orderId, String paymentId, Money amount, Instant capturedAt) {

    public PaymentCapturedV1 {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(capturedAt, "capturedAt");
    }
}

package com.example.orders.payment.domain;

/** What a payment decided that the rest of the saga must hear about. */
public sealed interface PaymentEvent {

    Payment payment();

    record Captured(Payment payment) implements PaymentEvent {
    }

    record Failed(Payment payment, FailureReason reason, String detail) implements PaymentEvent {
    }

    record Refunded(Payment payment) implements PaymentEvent {
    }

    enum FailureReason {
        DECLINED, PROVIDER_UNAVAILABLE
    }
}

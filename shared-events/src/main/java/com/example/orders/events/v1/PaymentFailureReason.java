package com.example.orders.events.v1;

/** Why no money was taken. Frozen for v1, like every enum on the wire. */
public enum PaymentFailureReason {
    DECLINED, PROVIDER_UNAVAILABLE,
    /**
     * Reserved, never produced: payment-service emits no PaymentFailed for an order cancelled before its capture (it
     * never calls the provider, or refunds what was captured). It stays because v1's enums are frozen: a removed value
     * would fail the compatibility gate, which cannot know it was never written.
     */
    ORDER_CANCELLED
}

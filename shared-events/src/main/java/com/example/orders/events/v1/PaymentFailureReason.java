package com.example.orders.events.v1;

/** Why no money was taken. Frozen for v1, like every enum on the wire. */
public enum PaymentFailureReason {
    DECLINED, PROVIDER_UNAVAILABLE, ORDER_CANCELLED
}

package com.example.orders.payment.domain;

/** Where an order's payment stands. */
public enum PaymentStatus {

    /** Waiting for what a capture needs: the order's payment token and its reserved total. */
    WAITING,
    /** Everything is known: the provider is asked to capture (again after an outage) until it answers. */
    CAPTURING, CAPTURED, DECLINED,
    /** The provider did not answer before the deadline: nothing was charged, the order is cancelled. */
    UNAVAILABLE,
    /** The order was cancelled before anything was charged. */
    CANCELLED,
    /** A captured order was cancelled: the provider is asked to refund until it answers. */
    REFUNDING, REFUNDED;

    /** Whether the provider still has to be called. */
    public boolean callsProvider() {
        return this == CAPTURING || this == REFUNDING;
    }
}

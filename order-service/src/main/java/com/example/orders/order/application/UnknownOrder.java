package com.example.orders.order.application;

/** A fact or request names an order this service never took. */
public class UnknownOrder extends RuntimeException {

    public UnknownOrder(String orderId) {
        super("no order " + orderId);
    }
}

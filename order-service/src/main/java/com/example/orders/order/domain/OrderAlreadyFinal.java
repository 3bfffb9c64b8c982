package com.example.orders.order.domain;

/** A customer asked to cancel an order that is already CONFIRMED or CANCELLED. */
public class OrderAlreadyFinal extends RuntimeException {

    public OrderAlreadyFinal(String orderId, OrderStatus status) {
        super("order " + orderId + " is already " + status);
    }
}

package com.example.orders.order.domain;

/** The steps an order's timeline can show, in the order a saga usually meets them. */
public enum TimelineStep {
    PLACED, STOCK_RESERVED, STOCK_REJECTED, STOCK_RELEASED, PAYMENT_CAPTURED, PAYMENT_FAILED, PAYMENT_REFUNDED, CONFIRMED, CANCEL_REQUESTED,
    /** Still open at the saga deadline: its OrderCreated went out again. */
    OVERDUE,
    /** Still open long after the deadline: cancelled with compensation. */
    GAVE_UP, CANCELLED
}

package com.example.orders.order.domain;

/** The reply an order waited for in vain when its saga ran out of time. */
public enum AwaitedReply {
    /** inventory never said whether the stock is there */
    STOCK_DECISION,
    /** payment never said whether the money was taken */
    PAYMENT_OUTCOME
}

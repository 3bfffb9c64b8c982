package com.example.orders.events.v1;

/**
 * The reply order-service waited for in vain when it gave up on an order at its saga deadline: no stock decision from
 * inventory, or no payment outcome from payment.
 */
public enum AwaitedReply {
    STOCK_DECISION, PAYMENT_OUTCOME
}

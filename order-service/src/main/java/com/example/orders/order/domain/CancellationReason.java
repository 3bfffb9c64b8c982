package com.example.orders.order.domain;

/** Why an order was cancelled, in the order's own terms. */
public enum CancellationReason {
    OUT_OF_STOCK, UNKNOWN_SKU, PAYMENT_DECLINED, PAYMENT_UNAVAILABLE, CUSTOMER_CANCELLED
}

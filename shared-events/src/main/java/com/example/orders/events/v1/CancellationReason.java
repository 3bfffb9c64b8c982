package com.example.orders.events.v1;

/** Why an order ended CANCELLED. Part of the v1 contract: adding a value is a breaking change (a new topic version). */
public enum CancellationReason {
    OUT_OF_STOCK, UNKNOWN_SKU, PAYMENT_DECLINED, PAYMENT_UNAVAILABLE, CUSTOMER_CANCELLED
}

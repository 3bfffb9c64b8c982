package com.example.orders.events.v1;

/** Why inventory-service reserved nothing for an order. Frozen for v1, like every enum on the wire. */
public enum StockRejectionReason {
    OUT_OF_STOCK, UNKNOWN_SKU, ORDER_CANCELLED
}

package com.example.orders.order.domain;

/** Where an order stands in its saga. CONFIRMED and CANCELLED are final. */
public enum OrderStatus {

    PENDING, STOCK_RESERVED, CONFIRMED, CANCELLED;

    public boolean isFinal() {
        return this == CONFIRMED || this == CANCELLED;
    }
}

package com.example.orders.events.v1;

import java.util.Objects;

/** One line of an order as the customer asked for it: which product and how many. */
public record OrderLine(String sku, int quantity) {

    public OrderLine {
        Objects.requireNonNull(sku, "sku");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
    }
}

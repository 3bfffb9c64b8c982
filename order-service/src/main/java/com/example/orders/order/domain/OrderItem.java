package com.example.orders.order.domain;

import java.util.Objects;
import java.util.Optional;

/** A line of an order; its unit price is known once inventory has reserved it at the catalogue price. */
public record OrderItem(String sku, int quantity, Money unitPrice) {

    public OrderItem {
        Objects.requireNonNull(sku, "sku");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1, was " + quantity);
        }
    }

    public static OrderItem unpriced(String sku, int quantity) {
        return new OrderItem(sku, quantity, null);
    }

    public Optional<Money> price() {
        return Optional.ofNullable(unitPrice);
    }
}

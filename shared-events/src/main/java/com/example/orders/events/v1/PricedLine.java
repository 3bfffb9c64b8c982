package com.example.orders.events.v1;

import java.util.Objects;

/** One reserved line, priced by inventory-service, which owns the catalogue. */
public record PricedLine(String sku, int quantity, Money unitPrice) {

    public PricedLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
    }
}

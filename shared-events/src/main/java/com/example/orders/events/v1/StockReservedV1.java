package com.example.orders.events.v1;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Every line of the order is reserved, priced at the catalogue price of the moment. */
public record StockReservedV1(String orderId, List<PricedLine> lines, Money total, Instant reservedAt) {

    public StockReservedV1 {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(reservedAt, "reservedAt");
        lines = List.copyOf(lines);
    }
}

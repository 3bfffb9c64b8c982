package com.example.orders.events.v1;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A reservation was given back to the shelf (compensation after a cancel or a failed payment). */
public record StockReleasedV1(String orderId, List<OrderLine> lines, Instant releasedAt) {

    public StockReleasedV1 {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(releasedAt, "releasedAt");
        lines = List.copyOf(lines);
    }
}

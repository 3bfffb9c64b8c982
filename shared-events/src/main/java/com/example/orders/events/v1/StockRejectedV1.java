package com.example.orders.events.v1;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Nothing was reserved for the order; {@code skus} names the lines that could not be served. */
public record StockRejectedV1(String orderId, StockRejectionReason reason, List<String> skus, Instant rejectedAt) {

    public StockRejectedV1 {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(skus, "skus");
        Objects.requireNonNull(rejectedAt, "rejectedAt");
        skus = List.copyOf(skus);
    }
}

package com.example.orders.inventory.domain;

import java.util.List;

/** What inventory decided for an order: all of it reserved, or none of it. */
public sealed interface StockDecision {

    record Reserved(Reservation reservation) implements StockDecision {
    }

    record Rejected(Reason reason, List<String> skus) implements StockDecision {
    }

    enum Reason {
        OUT_OF_STOCK, UNKNOWN_SKU, ORDER_CANCELLED
    }
}

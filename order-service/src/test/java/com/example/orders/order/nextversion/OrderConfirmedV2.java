package com.example.orders.order.nextversion;

import java.time.Instant;
import java.util.Objects;

/**
 * A test fixture's breaking change of OrderConfirmed: the total as a whole number of the currency's minor units beside
 * its currency, where v1 has a decimal string in a nested {@code total}. A v1 reader of {@code total} cannot read it,
 * so it travels on a topic of its own, {@code orders.order-confirmed.v2}, beside v1.
 */
public record OrderConfirmedV2(String orderId, String customerId, String customerEmail, long totalMinorUnits,
        String currency, Instant confirmedAt) {

    public OrderConfirmedV2 {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
    }
}

package com.example.orders.loyalty.domain;

import java.util.Objects;

/**
 * One line of the points ledger: what one order outcome did to its customer's balance.
 *
 * @param points
 *            the change to the balance: positive when granted, negative when taken back, zero when none was earned
 */
public record PointsEntry(String orderId, String customerId, Kind kind, long points) {

    public enum Kind {
        /** The order was confirmed: its points are the customer's. */
        GRANTED,
        /** The order was cancelled after its points were granted: they are taken back. */
        REVOKED,
        /** The order was cancelled before any points were granted: nothing changes, but the outcome is recorded. */
        NONE_EARNED
    }

    public PointsEntry {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(kind, "kind");
    }
}

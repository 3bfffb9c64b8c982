package com.example.orders.loyalty.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * The points of one order, decided from what the ledger already holds for it. An order earns points when it is
 * confirmed, a whole point per whole unit of its total times the rate (19.98 EUR at 1 point per unit: 19 points), and
 * loses them if it is cancelled afterwards. The two facts travel on different topics, so either may arrive first: a
 * cancel that finds nothing granted records that none was earned, and a confirm that arrives after such a cancel is a
 * contradiction this service cannot settle on its own.
 */
public final class OrderPoints {

    private final String orderId;
    private final List<PointsEntry> history;

    /**
     * @param history
     *            the ledger's entries for the order, oldest first
     */
    public OrderPoints(String orderId, List<PointsEntry> history) {
        this.orderId = orderId;
        this.history = List.copyOf(history);
    }

    /** The points a total earns at a rate of points per whole currency unit; never negative. */
    public static long pointsFor(BigDecimal total, int pointsPerUnit) {
        if (total.signum() <= 0) {
            return 0;
        }
        return total.setScale(0, RoundingMode.DOWN).longValueExact() * pointsPerUnit;
    }

    /**
     * The order was confirmed.
     *
     * @return the entry to record, or nothing when its points were granted already
     * @throws IllegalStateException
     *             when the order was recorded as cancelled first: the dead-letter topic keeps the fact, with this
     *             reason, for someone to look at
     */
    public Optional<PointsEntry> confirmed(String customerId, BigDecimal total, int pointsPerUnit) {
        if (has(PointsEntry.Kind.GRANTED)) {
            return Optional.empty();
        }
        if (has(PointsEntry.Kind.NONE_EARNED)) {
            throw new IllegalStateException("order " + orderId + " was confirmed after it was recorded as cancelled");
        }
        return Optional.of(new PointsEntry(orderId, customerId, PointsEntry.Kind.GRANTED,
                pointsFor(total, pointsPerUnit)));
    }

    /** @return the entry to record, or nothing when the cancel was recorded already */
    public Optional<PointsEntry> cancelled(String customerId) {
        if (has(PointsEntry.Kind.REVOKED) || has(PointsEntry.Kind.NONE_EARNED)) {
            return Optional.empty();
        }
        return Optional.of(history.stream()
                .filter(entry -> entry.kind() == PointsEntry.Kind.GRANTED)
                .findFirst()
                .map(granted -> new PointsEntry(orderId, customerId, PointsEntry.Kind.REVOKED, -granted.points()))
                .orElseGet(() -> new PointsEntry(orderId, customerId, PointsEntry.Kind.NONE_EARNED, 0)));
    }

    private boolean has(PointsEntry.Kind kind) {
        return history.stream().anyMatch(entry -> entry.kind() == kind);
    }
}

package com.example.orders.loyalty.application;

import java.time.Instant;
import java.util.List;

import com.example.orders.loyalty.domain.PointsEntry;

import io.smallrye.mutiny.Uni;

/** The points ledger (a port: {@code infrastructure/persistence} keeps it in loyalty-service's database). */
public interface PointsLedger {

    /** An entry as recorded, with the fact that made it. */
    record Recorded(PointsEntry entry, String eventId, Instant recordedAt) {
    }

    /** The order's entries, oldest first. */
    Uni<List<PointsEntry>> entriesOf(String orderId);

    /** Records an entry in the caller's transaction. */
    Uni<Void> record(PointsEntry entry, String eventId);

    /** The customer's entries, oldest first, at most {@code limit}. */
    Uni<List<Recorded>> entriesOfCustomer(String customerId, int limit);

    /** The customer's balance: the sum of all their entries. */
    Uni<Long> balanceOf(String customerId);
}

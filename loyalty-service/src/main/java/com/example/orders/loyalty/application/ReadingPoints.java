package com.example.orders.loyalty.application;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/** A customer (or an operator) reads a customer's points: the balance and the entries that make it. */
@ApplicationScoped
public class ReadingPoints {

    /** How many entries a statement lists at most, newest last. */
    public static final int MAX_ENTRIES = 1000;

    public record Statement(String customerId, long points, List<PointsLedger.Recorded> entries) {
    }

    private final PointsLedger ledger;

    ReadingPoints(PointsLedger ledger) {
        this.ledger = ledger;
    }

    public Uni<Statement> statementOf(String customerId) {
        return ledger.balanceOf(customerId)
                .flatMap(points -> ledger.entriesOfCustomer(customerId, MAX_ENTRIES)
                        .map(entries -> new Statement(customerId, points, entries)));
    }
}

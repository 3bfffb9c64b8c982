package com.example.orders.loyalty.api;

import java.time.Instant;
import java.util.List;

import com.example.orders.loyalty.application.ReadingPoints;

/** A customer's points as the API shows them: the balance, and the entries that make it, oldest first. */
public record StatementView(String customerId, long points, List<Entry> entries) {

    public record Entry(String orderId, String kind, long points, Instant recordedAt) {
    }

    static StatementView of(ReadingPoints.Statement statement) {
        return new StatementView(statement.customerId(), statement.points(), statement.entries().stream()
                .map(recorded -> new Entry(recorded.entry().orderId(), recorded.entry().kind().name(),
                        recorded.entry().points(), recorded.recordedAt()))
                .toList());
    }
}

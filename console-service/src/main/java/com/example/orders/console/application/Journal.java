package com.example.orders.console.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.example.orders.console.domain.JournalEvent;
import com.example.orders.console.domain.OrderSummary;

import io.smallrye.mutiny.Uni;

/** The console's journal of every order's events, and what they add up to (its own database). */
public interface Journal {

    /**
     * Writes the event and folds it into its order, in the caller's transaction.
     *
     * @param customerId
     *            who placed the order, when the event says
     * @param reason
     *            why the order was cancelled, when the event says
     */
    Uni<Void> record(JournalEvent event, Optional<String> customerId, Optional<String> reason);

    Uni<List<JournalEvent>> eventsOf(String orderId);

    Uni<Optional<OrderSummary>> order(String orderId);

    /** Orders whose id starts with {@code text}, or placed by the customer {@code text}, newest first. */
    Uni<List<OrderSummary>> search(String text, int limit);

    /** Orders still open that were placed before {@code placedBefore}, oldest first. */
    Uni<List<OrderSummary>> openSince(Instant placedBefore, int limit);

    /** Orders that ended at or after {@code since}, with when and how, oldest first. */
    Uni<List<OrderSummary>> endedSince(Instant since);

    /** Orders placed at or after {@code since}. */
    Uni<Long> placedSince(Instant since);
}

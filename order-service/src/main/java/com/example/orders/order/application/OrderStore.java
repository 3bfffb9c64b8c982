package com.example.orders.order.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.example.orders.order.domain.Order;

import io.smallrye.mutiny.Uni;

/**
 * Where the orders are kept, in the caller's transaction (a port: {@code infrastructure/persistence} implements it).
 * Changes run under the order's row lock, so facts about one order are applied one at a time.
 */
public interface OrderStore {

    /** An order as stored, with the saga it belongs to and, when kept, the OrderCreated that started it. */
    record Stored(Order order, String correlationId, Optional<Sent> created) {
    }

    /** The ce_id and ce_time of an event as it was sent. */
    record Sent(String eventId, Instant time) {
    }

    /** An order's saga as its first event started it: the saga's correlation id and that OrderCreated. */
    record SagaStarted(String correlationId, Sent created) {
    }

    Uni<Void> add(Order order, SagaStarted saga);

    Uni<Optional<Stored>> find(String orderId);

    /**
     * Applies {@code change} to the order under its row lock and stores what it changed when the transaction commits.
     *
     * @return what {@code change} returned, or empty when there is no such order
     */
    <T> Uni<Optional<T>> change(String orderId, Function<Stored, T> change);

    /** Orders not final, placed before {@code placedBefore} and not yet found overdue, oldest first. */
    Uni<List<String>> notYetOverdue(Instant placedBefore, int limit);

    /** Orders not final that were found overdue before {@code overdueBefore}, oldest first. */
    Uni<List<String>> overdueSince(Instant overdueBefore, int limit);

    /** How many orders are not final though placed before {@code placedBefore}. */
    Uni<Long> countOpenSince(Instant placedBefore);
}

package com.example.orders.inventory.application;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import com.example.orders.inventory.domain.Reservation;

import io.smallrye.mutiny.Uni;

/**
 * What inventory decided for each order, and the cancels that arrived before their order, in the caller's transaction
 * (a port: {@code infrastructure/persistence} implements it).
 */
public interface ReservationBook {

    /** @return whether inventory has already decided this order (reserved or rejected it) */
    Uni<Boolean> decided(String orderId);

    Uni<Void> add(Reservation reservation);

    Uni<Void> addRejected(String orderId);

    /**
     * Applies {@code change} to the order's reservation under a row lock and stores what it changed when the
     * transaction commits.
     *
     * @return empty when inventory never saw the order; the change's outcome otherwise, {@code Optional.empty()} as the
     *         change's argument when the order was rejected
     */
    <T> Uni<Optional<T>> change(String orderId, Function<Optional<Reservation>, Uni<T>> change);

    /** Remembers a cancel that arrived before its order, and forgets those older than {@code forgetBefore}. */
    Uni<Void> rememberEarlyCancel(String orderId, Instant at, Instant forgetBefore);

    /** @return whether the order was cancelled before it arrived; the memory is used up */
    Uni<Boolean> takeEarlyCancel(String orderId);
}

package com.example.orders.inventory.application;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.example.orders.inventory.domain.Reservation;
import com.example.orders.inventory.domain.Shelf;
import com.example.orders.inventory.domain.StockDecision;
import com.example.orders.platform.locking.OrderLocks;
import com.example.orders.platform.saga.Cause;

import io.smallrye.mutiny.Uni;

/**
 * Inventory's part of the saga. An order is reserved in full or rejected; a confirmed order's units are sold; a
 * cancelled order's units go back on the shelf, and a cancel that overtakes its order is remembered so the order is
 * rejected when it arrives. Each step runs in the caller's transaction under the order's lock, and what it decides is
 * emitted through the outbox in that transaction.
 */
@ApplicationScoped
public class ReservingStock {

    private static final Logger LOG = Logger.getLogger(ReservingStock.class);

    private final OrderLocks locks;
    private final Catalogue stock;
    private final ReservationBook reservations;
    private final StockOutbox emitted;
    private final InventoryServiceConfig config;

    ReservingStock(OrderLocks locks, Catalogue stock, ReservationBook reservations, StockOutbox emitted,
            InventoryServiceConfig config) {
        this.locks = locks;
        this.stock = stock;
        this.reservations = reservations;
        this.emitted = emitted;
        this.config = config;
    }

    /** An order was placed: reserve every line or none. */
    public Uni<Void> orderPlaced(Cause cause, String orderId, List<Shelf.Wanted> wanted) {
        return locks.lock(orderId)
                .flatMap(locked -> reservations.decided(orderId))
                .flatMap(decided -> decided
                        ? Uni.createFrom().voidItem()
                        : reservations.takeEarlyCancel(orderId).flatMap(cancelled -> cancelled
                                ? reject(cause, orderId, StockDecision.Reason.ORDER_CANCELLED, List.of())
                                : reserve(cause, orderId, wanted)));
    }

    /** The order was confirmed: its held units are sold. */
    public Uni<Void> orderConfirmed(String orderId) {
        return locks.lock(orderId)
                .flatMap(locked -> reservations.change(orderId, reservation -> reservation
                        .map(held -> stock.change(skusOf(held), items -> held.commit(items)))
                        .orElseGet(() -> Uni.createFrom().item(false))))
                .invoke(outcome -> {
                    if (outcome.isEmpty()) {
                        LOG.warnf("order %s was confirmed but inventory never reserved it", orderId);
                    }
                })
                .replaceWithVoid();
    }

    /** The order was cancelled: its held units go back on the shelf, or the cancel waits for its order. */
    public Uni<Void> orderCancelled(Cause cause, String orderId) {
        return locks.lock(orderId)
                .flatMap(locked -> reservations.change(orderId, reservation -> reservation
                        .map(held -> release(cause, held))
                        .orElseGet(() -> Uni.createFrom().item(false))))
                .flatMap(outcome -> outcome.isPresent()
                        ? Uni.createFrom().voidItem()
                        : reservations.rememberEarlyCancel(orderId, cause.time(),
                                cause.time().minus(config.earlyCancelMemory())));
    }

    private Uni<Void> reserve(Cause cause, String orderId, List<Shelf.Wanted> wanted) {
        return stock.change(wanted.stream().map(Shelf.Wanted::sku).toList(),
                items -> Shelf.reserve(orderId, wanted, items))
                .flatMap(decision -> {
                    if (decision instanceof StockDecision.Reserved reserved) {
                        return reservations.add(reserved.reservation())
                                .flatMap(added -> emitted.reserved(cause, reserved.reservation()));
                    }
                    StockDecision.Rejected rejected = (StockDecision.Rejected) decision;
                    return reject(cause, orderId, rejected.reason(), rejected.skus());
                });
    }

    private Uni<Void> reject(Cause cause, String orderId, StockDecision.Reason reason, List<String> skus) {
        return reservations.addRejected(orderId).flatMap(added -> emitted.rejected(cause, orderId, reason, skus));
    }

    /** @return whether units went back on the shelf */
    private Uni<Boolean> release(Cause cause, Reservation held) {
        return stock.change(skusOf(held), held::release)
                .flatMap(released -> released
                        ? emitted.released(cause, held).replaceWith(true)
                        : Uni.createFrom().item(false));
    }

    private static List<String> skusOf(Reservation reservation) {
        return reservation.lines().stream().map(Reservation.Line::sku).toList();
    }
}

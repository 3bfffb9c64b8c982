package com.example.orders.inventory.infrastructure.messaging;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.orders.events.v1.Money;
import com.example.orders.events.v1.OrderLine;
import com.example.orders.events.v1.PricedLine;
import com.example.orders.events.v1.StockRejectedV1;
import com.example.orders.events.v1.StockRejectionReason;
import com.example.orders.events.v1.StockReleasedV1;
import com.example.orders.events.v1.StockReservedV1;
import com.example.orders.inventory.application.StockOutbox;
import com.example.orders.inventory.domain.Reservation;
import com.example.orders.inventory.domain.StockDecision;
import com.example.orders.platform.outbox.Outbox;
import com.example.orders.platform.saga.Cause;

import io.smallrye.mutiny.Uni;

/**
 * Everything inventory-service emits, mapped from its domain to the v1 contract and written to the outbox in the
 * caller's transaction: StockReserved, StockRejected, StockReleased. Each names the order event that caused it.
 */
@ApplicationScoped
public class EmittedEvents implements StockOutbox {

    private final Outbox outbox;

    EmittedEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Uni<Void> reserved(Cause cause, Reservation reservation) {
        return emit(cause, new StockReservedV1(reservation.orderId(),
                reservation.lines().stream()
                        .map(line -> new PricedLine(line.sku(), line.quantity(), money(line.unitPrice())))
                        .toList(),
                money(reservation.total()), Instant.now()));
    }

    @Override
    public Uni<Void> rejected(Cause cause, String orderId, StockDecision.Reason reason, List<String> skus) {
        return emit(cause, new StockRejectedV1(orderId, onTheWire(reason), skus,
                Instant.now()));
    }

    @Override
    public Uni<Void> released(Cause cause, Reservation reservation) {
        return emit(cause, new StockReleasedV1(reservation.orderId(),
                reservation.lines().stream().map(line -> new OrderLine(line.sku(), line.quantity())).toList(),
                Instant.now()));
    }

    private Uni<Void> emit(Cause cause, Record payload) {
        return outbox.emitCausedBy(cause, payload).replaceWithVoid();
    }

    private static Money money(com.example.orders.inventory.domain.Money money) {
        return new Money(money.amount(), money.currency());
    }

    /** Inventory's reason as the contract's: a reason added on either side fails to compile here. */
    private static StockRejectionReason onTheWire(StockDecision.Reason reason) {
        return switch (reason) {
            case OUT_OF_STOCK -> StockRejectionReason.OUT_OF_STOCK;
            case UNKNOWN_SKU -> StockRejectionReason.UNKNOWN_SKU;
            case ORDER_CANCELLED -> StockRejectionReason.ORDER_CANCELLED;
        };
    }
}

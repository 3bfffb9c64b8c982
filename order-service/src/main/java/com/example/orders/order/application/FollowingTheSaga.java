package com.example.orders.order.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.orders.events.EventEnvelope;
import com.example.orders.order.domain.CancellationReason;
import com.example.orders.order.domain.Money;
import com.example.orders.order.domain.Order;
import com.example.orders.order.domain.OrderEvent;
import com.example.orders.order.domain.OrderItem;
import com.example.orders.order.infrastructure.messaging.EmittedEvents;
import com.example.orders.order.infrastructure.persistence.Orders;

import io.smallrye.mutiny.Uni;

/**
 * Moves an order's saga on as inventory and payment report back. Each fact is applied to the order under its row lock
 * and whatever the order decides goes to the outbox in the same transaction (the caller's).
 */
@ApplicationScoped
public class FollowingTheSaga {

    private final Orders orders;
    private final EmittedEvents emitted;

    FollowingTheSaga(Orders orders, EmittedEvents emitted) {
        this.orders = orders;
        this.emitted = emitted;
    }

    public Uni<Void> stockReserved(EventEnvelope cause, List<OrderItem> pricedItems, Money total) {
        return apply(cause, order -> {
            order.stockReserved(pricedItems, total, Instant.now());
            return Optional.empty();
        });
    }

    public Uni<Void> stockRejected(EventEnvelope cause, CancellationReason reason, String detail) {
        return apply(cause, order -> order.stockRejected(reason, detail, Instant.now()));
    }

    public Uni<Void> stockReleased(EventEnvelope cause) {
        return apply(cause, order -> {
            order.stockReleased(Instant.now());
            return Optional.empty();
        });
    }

    public Uni<Void> paymentCaptured(EventEnvelope cause, Money amount) {
        return apply(cause, order -> order.paymentCaptured(amount, Instant.now()));
    }

    public Uni<Void> paymentFailed(EventEnvelope cause, CancellationReason reason, String detail) {
        return apply(cause, order -> order.paymentFailed(reason, detail, Instant.now()));
    }

    public Uni<Void> paymentRefunded(EventEnvelope cause, Money amount) {
        return apply(cause, order -> {
            order.paymentRefunded(amount, Instant.now());
            return Optional.empty();
        });
    }

    private Uni<Void> apply(EventEnvelope cause, Function<Order, Optional<OrderEvent>> fact) {
        return orders.change(cause.subject(), stored -> fact.apply(stored.order()))
                .flatMap(outcome -> outcome
                        .map(decided -> emitted.causedBy(cause, decided.stream().toList()))
                        .orElseThrow(() -> new UnknownOrder(cause.subject())));
    }
}

package com.example.orders.order.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.orders.order.domain.CancellationReason;
import com.example.orders.order.domain.Money;
import com.example.orders.order.domain.Order;
import com.example.orders.order.domain.OrderEvent;
import com.example.orders.order.domain.OrderItem;
import com.example.orders.platform.saga.Cause;

import io.smallrye.mutiny.Uni;

/**
 * Moves an order's saga on as inventory and payment report back. Each fact is applied to the order under its row lock
 * and whatever the order decides goes to the outbox in the same transaction (the caller's).
 */
@ApplicationScoped
public class FollowingTheSaga {

    private final OrderStore orders;
    private final OrderOutbox emitted;

    FollowingTheSaga(OrderStore orders, OrderOutbox emitted) {
        this.orders = orders;
        this.emitted = emitted;
    }

    public Uni<Void> stockReserved(Cause cause, List<OrderItem> pricedItems, Money total) {
        return apply(cause, order -> {
            order.stockReserved(pricedItems, total, Instant.now());
            return Optional.empty();
        });
    }

    public Uni<Void> stockRejected(Cause cause, CancellationReason reason, String detail) {
        return apply(cause, order -> order.stockRejected(reason, detail, Instant.now()));
    }

    public Uni<Void> stockReleased(Cause cause) {
        return apply(cause, order -> {
            order.stockReleased(Instant.now());
            return Optional.empty();
        });
    }

    public Uni<Void> paymentCaptured(Cause cause, Money amount) {
        return apply(cause, order -> order.paymentCaptured(amount, Instant.now()));
    }

    public Uni<Void> paymentFailed(Cause cause, CancellationReason reason, String detail) {
        return apply(cause, order -> order.paymentFailed(reason, detail, Instant.now()));
    }

    public Uni<Void> paymentRefunded(Cause cause, Money amount) {
        return apply(cause, order -> {
            order.paymentRefunded(amount, Instant.now());
            return Optional.empty();
        });
    }

    private Uni<Void> apply(Cause cause, Function<Order, Optional<OrderEvent>> fact) {
        return orders.change(cause.orderId(), stored -> fact.apply(stored.order()))
                .flatMap(outcome -> outcome
                        .map(decided -> emitted.causedBy(cause, decided.stream().toList()))
                        .orElseThrow(() -> new UnknownOrder(cause.orderId())));
    }
}

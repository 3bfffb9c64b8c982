package com.example.orders.order.application;

import java.util.List;
import java.util.Optional;

import com.example.orders.order.domain.Order;
import com.example.orders.order.domain.OrderEvent;
import com.example.orders.platform.saga.Cause;

import io.smallrye.mutiny.Uni;

/**
 * Where the events an order decides go: the outbox, in the caller's transaction, beside the change that decided them (a
 * port: {@code infrastructure/messaging} maps them to the contract and implements it).
 */
public interface OrderOutbox {

    /** Starts the order's saga, correlated with the request that placed the order when it has an id. */
    Uni<OrderStore.SagaStarted> placed(OrderEvent.Placed placed, Optional<String> requestId);

    /**
     * Sends the order's OrderCreated again, the same event (its ce_id, time and payload), for consumers that never
     * applied it; those that did skip it.
     */
    Uni<Void> placedAgain(Order order, String correlationId, OrderStore.Sent sent);

    /** Events decided while applying a fact another service reported: each names that fact as its cause. */
    Uni<Void> causedBy(Cause cause, List<OrderEvent> events);

    /**
     * Events decided on a request from outside the saga: {@code causationId} is the customer's request (its
     * X-Request-Id) or, for a deadline, the OrderCreated whose saga ran out of time.
     */
    Uni<Void> inSaga(String orderId, String correlationId, String causationId, List<OrderEvent> events);
}

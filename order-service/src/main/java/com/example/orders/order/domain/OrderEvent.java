package com.example.orders.order.domain;

/**
 * What an order decided, for the application layer to publish. These are domain events: the wire contract
 * ({@code shared-events}) is mapped from them at the edge.
 */
public sealed interface OrderEvent {

    record Placed(Order order) implements OrderEvent {
    }

    record CancelRequested(Order order) implements OrderEvent {
    }

    record Confirmed(Order order) implements OrderEvent {
    }

    record Cancelled(Order order, CancellationReason reason) implements OrderEvent {
    }
}

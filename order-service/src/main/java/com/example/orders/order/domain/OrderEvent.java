package com.example.orders.order.domain;

import java.util.Optional;

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

    /**
     * @param gaveUpWaitingFor
     *            when the order was given up on at its saga deadline, the reply that never came; {@code reason} is then
     *            the nearest reason the contract's v1 has for it
     */
    record Cancelled(Order order, CancellationReason reason, Optional<AwaitedReply> gaveUpWaitingFor)
            implements
                OrderEvent {

        /** A cancel for a reason of its own, not a give-up. */
        public Cancelled(Order order, CancellationReason reason) {
            this(order, reason, Optional.empty());
        }
    }
}

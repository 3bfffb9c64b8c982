package com.example.orders.events.v1;

import java.time.Instant;
import java.util.Objects;

/**
 * The order ended without being fulfilled; {@code reason} says why. Compensation follows from this fact.
 *
 * @param gaveUpWaitingFor
 *            set only when order-service gave up on the order at its saga deadline, naming the reply that never came;
 *            {@code reason} is then the nearest v1 reason (OUT_OF_STOCK without a stock decision, PAYMENT_UNAVAILABLE
 *            without a payment outcome) for readers that do not know this field. Optional, added within v1: a reader
 *            that ignores it works as before.
 */
public record OrderCancelledV1(String orderId, String customerId, String customerEmail, CancellationReason reason,
        Instant cancelledAt, AwaitedReply gaveUpWaitingFor) {

    public OrderCancelledV1 {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
    }

    /** A cancel with a reason of its own (not a give-up). */
    public OrderCancelledV1(String orderId, String customerId, String customerEmail, CancellationReason reason,
            Instant cancelledAt) {
        this(orderId, customerId, customerEmail, reason, cancelledAt, null);
    }
}

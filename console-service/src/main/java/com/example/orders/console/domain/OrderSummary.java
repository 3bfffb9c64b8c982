package com.example.orders.console.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An order as the console's journal has it: who placed it and when, where its saga stands, and how it ended.
 *
 * @param customerId
 *            null until its OrderCreated is read
 * @param reason
 *            the reason of a cancel, or null
 */
public record OrderSummary(String orderId, String customerId, Instant placedAt, SagaState state, String reason,
        Instant endedAt) {

    public Optional<Instant> ended() {
        return Optional.ofNullable(endedAt);
    }

    /** Open for longer than {@code limit} at {@code now}: its saga needs a look. */
    public boolean overdue(Instant now, Duration limit) {
        return !state.ended() && placedAt != null && placedAt.plus(limit).isBefore(now);
    }
}

package com.example.orders.console.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The consumer groups' dead-letter topics ({@code <group>.dlq}) and their redrive, done as {@code ./suite dlq} does
 * them. Calls block on the broker; each throws {@link OperationNotDone} when it cannot be done.
 */
public interface DeadLetterQueues {

    /** One dead letter: where it lies, what it was, why it died, and whether it was re-driven since. */
    record Letter(String group, int partition, long offset, String ceId, String type, String orderId, String reason,
            String origin, Instant diedAt, boolean redriven) {
    }

    record Opened(Letter letter, String key, List<Map.Entry<String, String>> headers, String value) {
    }

    /** What a redrive did: events re-published, dead letters of an event folded into one, letters of nowhere. */
    record Redriven(int redriven, int duplicatesFolded, int withoutOrigin) {
    }

    /** The consumer groups that may have dead letters, in the consumer catalogue's order. */
    List<String> groups();

    /** Every group's dead letters, oldest first, read in one pass; a group without a dead-letter topic has none. */
    Map<String, List<Letter>> everyGroupsLetters();

    Optional<Opened> open(String group, int partition, long offset);

    /** Re-drives the group's pending dead letters, or only those of one event. */
    Redriven redrive(String group, Optional<String> ceId);
}

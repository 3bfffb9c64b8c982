package com.example.orders.console.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One event of an order as it travelled: what it is, who produced it and when, what caused it, the trace it was part
 * of, and where on the broker it was read.
 *
 * @param type
 *            its ce_type, as the wire names it ({@code inventory.StockReserved.v1})
 * @param causationId
 *            the ce_id of the event (or the request id) that caused it, or null for none
 * @param traceId
 *            the W3C trace id of the trace it was published in, or null
 * @param payload
 *            its payload as JSON
 */
public record JournalEvent(String eventId, String orderId, Fact fact, String type, String producer,
        Instant occurredAt, String correlationId, String causationId, String traceId, String topic, int partition,
        long offset, String payload) {

    public JournalEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public Optional<String> cause() {
        return Optional.ofNullable(causationId);
    }

    public Optional<String> trace() {
        return Optional.ofNullable(traceId);
    }

    /** Where it was read: {@code topic/partition@offset}. */
    public String position() {
        return topic + "/" + partition + "@" + offset;
    }
}

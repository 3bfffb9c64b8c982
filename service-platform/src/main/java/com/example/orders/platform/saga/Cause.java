package com.example.orders.platform.saga;

import java.time.Instant;
import java.util.Objects;

/**
 * What a use case knows of the event it is applying: which event it was, which order and saga it belongs to, when it
 * happened and the trace it is part of. Events it emits in answer name it as their cause and join its saga and trace.
 * The wire envelope ({@code EventEnvelope}) stops at the service's messaging edge; this is what comes through.
 *
 * @param eventId
 *            the event's ce_id
 * @param orderId
 *            the order it is about (its ce_subject)
 * @param correlationId
 *            the saga it belongs to
 * @param time
 *            when it happened (its ce_time)
 * @param traceparent
 *            the W3C trace context of its handling here (the span that applies it, a child of the span that published
 *            it), or null
 */
public record Cause(String eventId, String orderId, String correlationId, Instant time, String traceparent) {

    public Cause {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(time, "time");
    }

    /** The same cause, handled in the span {@code traceparent} names. */
    public Cause handledIn(String traceparent) {
        return new Cause(eventId, orderId, correlationId, time, traceparent);
    }
}

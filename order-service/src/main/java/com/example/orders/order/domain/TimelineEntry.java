package com.example.orders.order.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * One step of an order's saga as its customer and on-call engineers see it.
 *
 * @param traceparent
 *            the trace context of the work that recorded the step (a request, the handling of an event, a deadline),
 *            which the store notes when it keeps a new step; null until then, or when that work was not traced
 */
public record TimelineEntry(Instant at, TimelineStep step, String detail, String traceparent) {

    /** A step as the order's rules record it: its trace is noted when it is stored. */
    public TimelineEntry(Instant at, TimelineStep step, String detail) {
        this(at, step, detail, null);
    }

    public Optional<String> trace() {
        return Optional.ofNullable(traceparent);
    }

    /** This step, recorded in the trace {@code traceparent} names, unless it already names one. */
    public TimelineEntry tracedIn(Optional<String> traceparent) {
        return this.traceparent != null || traceparent.isEmpty()
                ? this
                : new TimelineEntry(at, step, detail, traceparent.get());
    }
}

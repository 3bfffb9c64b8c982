package com.example.orders.platform.tracing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * W3C trace context (a {@code traceparent} and its {@code tracestate}) as the suite stores and sends it: in outbox
 * rows, in the headers of every Kafka record, in the work a service remembers to do later (a payment to take, a mail to
 * send) and in the request to the payment provider.
 */
public final class TraceContexts {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {

        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceContexts() {
    }

    /** A trace context as it travels: {@code tracestate} is null when the trace carries none. */
    public record W3cTrace(String traceparent, String tracestate) {

        /** The trace's id, the second field of its traceparent. */
        public String traceId() {
            return traceIdOf(traceparent).orElseThrow();
        }
    }

    /** The context of the span that is current here (a request's, a record's handling), if there is one. */
    public static Optional<W3cTrace> current() {
        return of(Span.current().getSpanContext());
    }

    /** The span's context as it travels, unless it is not a valid one (no tracing here). */
    public static Optional<W3cTrace> of(SpanContext span) {
        if (!span.isValid()) {
            return Optional.empty();
        }
        Map<String, String> headers = new HashMap<>();
        W3C.inject(Context.root().with(Span.wrap(span)), headers, Map::put);
        return Optional.of(new W3cTrace(headers.get("traceparent"), headers.get("tracestate")));
    }

    /** The context a traceparent (and tracestate) names, as the parent of new spans; the root when there is none. */
    public static Context parent(String traceparent, String tracestate) {
        if (traceparent == null) {
            return Context.root();
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("traceparent", traceparent);
        if (tracestate != null) {
            headers.put("tracestate", tracestate);
        }
        return W3C.extract(Context.root(), headers, MAP);
    }

    /** The trace id a traceparent carries ({@code 00-<trace id>-<span id>-<flags>}), if it is a valid one. */
    public static Optional<String> traceIdOf(String traceparent) {
        SpanContext span = Span.fromContext(parent(traceparent, null)).getSpanContext();
        return span.isValid() ? Optional.of(span.getTraceId()) : Optional.empty();
    }
}

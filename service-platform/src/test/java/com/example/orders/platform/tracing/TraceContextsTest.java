package com.example.orders.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;

class TraceContextsTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aTraceparentAndItsTracestateTravelUnchanged() {
        Context parent = TraceContexts.parent(TRACEPARENT, "vendor=opaque");

        TraceContexts.W3cTrace trace = TraceContexts.of(Span.fromContext(parent).getSpanContext()).orElseThrow();

        assertThat(trace.traceparent()).isEqualTo(TRACEPARENT);
        assertThat(trace.tracestate()).isEqualTo("vendor=opaque");
        assertThat(trace.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void aTraceWithoutStateSendsNoTracestate() {
        assertThat(TraceContexts.of(Span.fromContext(TraceContexts.parent(TRACEPARENT, null)).getSpanContext())
                .orElseThrow().tracestate()).isNull();
    }

    @Test
    void noneOrAMalformedTraceparentStartsNoTrace() {
        assertThat(TraceContexts.parent(null, null)).isSameAs(Context.root());
        assertThat(TraceContexts.traceIdOf(null)).isEmpty();
        assertThat(TraceContexts.traceIdOf("00-not-a-trace-01")).isEmpty();
        assertThat(TraceContexts.of(SpanContext.getInvalid())).isEmpty();
        assertThat(TraceContexts.traceIdOf(TRACEPARENT)).hasValue("4bf92f3577b34da6a3ce929d0e0e4736");
    }
}

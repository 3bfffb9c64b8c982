package com.example.orders.platform.tracing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

import com.example.orders.events.CloudEventHeaders;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;

/**
 * The spans the suite makes itself, so that one order is one trace across all five services: Quarkus traces the HTTP
 * requests, and these continue the trace through what it cannot see, the outbox and Kafka (each row's publish is a
 * child of the work that appended it; each record's handling a child of its publish) and the work a service remembers
 * to do later (the payment provider call, the mail), each a child of the handling that asked for it.
 * <p>
 * While a record is handled its span is current, so the events the handling emits join its trace ({@code Outbox}), and
 * every log line on the way carries the trace id, the span id, the order id, the event's {@code ce_id} and the consumer
 * group.
 */
@ApplicationScoped
public class Tracing {

    /** The order a span or a log line is about. */
    public static final String ORDER_ID = "orderId";
    /** The event a span or a log line is about. */
    public static final String CE_ID = "ce_id";
    /** The consumer group handling a record. */
    public static final String CONSUMER_GROUP = "consumerGroup";

    private static final AttributeKey<String> ORDER = AttributeKey.stringKey("order.id");
    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    private static final AttributeKey<String> GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    private static final AttributeKey<Long> PARTITION = AttributeKey.longKey("messaging.destination.partition.id");
    private static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    private static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> URL = AttributeKey.stringKey("url.full");
    private static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");

    private final Tracer tracer;
    private final String group;

    Tracing(Tracer tracer, @ConfigProperty(name = "quarkus.application.name") String group) {
        this.tracer = tracer;
        this.group = group;
    }

    /**
     * Begins the handling of one record by this service's consumer: a span that continues the trace of the record's
     * publish, current (with the log context) until {@link Handling#end}.
     */
    public Handling handling(ConsumerRecord<String, byte[]> record, String ceId, String orderId) {
        Span span = tracer.spanBuilder("process " + record.topic())
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(TraceContexts.parent(header(record, CloudEventHeaders.TRACEPARENT),
                        header(record, CloudEventHeaders.TRACESTATE)))
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(OPERATION, "process")
                .setAttribute(DESTINATION, record.topic())
                .setAttribute(PARTITION, (long) record.partition())
                .setAttribute(OFFSET, record.offset())
                .setAttribute(MESSAGE_ID, ceId)
                .setAttribute(GROUP, group)
                .setAttribute(ORDER, orderId)
                .startSpan();
        Scope scope = span.makeCurrent();
        MDC.put(ORDER_ID, orderId);
        MDC.put(CE_ID, ceId);
        MDC.put(CONSUMER_GROUP, group);
        return new Handling(span, () -> {
            MDC.remove(ORDER_ID);
            MDC.remove(CE_ID);
            MDC.remove(CONSUMER_GROUP);
            scope.close();
        });
    }

    /** The span of one outbox row's publish, a child of the work that appended the row (a root when none did). */
    public Span publishing(String topic, String ceId, String orderId, String traceparent, String tracestate) {
        return tracer.spanBuilder("send " + topic)
                .setSpanKind(SpanKind.PRODUCER)
                .setParent(TraceContexts.parent(traceparent, tracestate))
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(OPERATION, "send")
                .setAttribute(DESTINATION, topic)
                .setAttribute(MESSAGE_ID, ceId)
                .setAttribute(ORDER, orderId)
                .startSpan();
    }

    /**
     * The span of work a service remembered and does later for an order (a call to the payment provider, a mail), a
     * child of the handling that asked for it.
     */
    public Span continuing(String name, SpanKind kind, String traceparent, String orderId) {
        return tracer.spanBuilder(name)
                .setSpanKind(kind)
                .setParent(TraceContexts.parent(traceparent, null))
                .setAttribute(ORDER, orderId)
                .startSpan();
    }

    /** The span of one HTTP call to a system outside the suite, a child of the span current here. */
    public Span calling(String name, URI url) {
        return tracer.spanBuilder(name)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(HTTP_METHOD, name.substring(0, name.indexOf(' ')))
                .setAttribute(URL, url.toString())
                .startSpan();
    }

    /** Notes the HTTP status an outside system answered a {@link #calling} span with. */
    public static void answered(Span span, int status) {
        span.setAttribute(HTTP_STATUS, (long) status);
    }

    /**
     * The work, with {@code span} current while it runs (so what it emits joins the span's trace); for work on a Vert.x
     * context, as in a transaction. The span is not ended here.
     */
    public static <T> Uni<T> within(Span span, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Scope scope = span.makeCurrent();
            return work.get().onTermination().invoke(scope::close);
        });
    }

    /**
     * Work on a Vert.x context (a transaction, say) in a span of its own, a child of the span {@code traceparent} names
     * (a root when it is null), ended when the work ends.
     */
    public <T> Uni<T> inSpan(String name, String traceparent, String orderId, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Span span = continuing(name, SpanKind.INTERNAL, traceparent, orderId);
            return within(span, work).onTermination().invoke((ignored, failure, cancelled) -> end(span, failure));
        });
    }

    /** Ends a span, marked as failed when the work failed. */
    public static void end(Span span, Throwable failure) {
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, failure.toString());
        }
        span.end();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** One record's handling: its span, current until it ends. */
    public static final class Handling {

        private final Span span;
        private final Runnable leave;

        private Handling(Span span, Runnable leave) {
            this.span = span;
            this.leave = leave;
        }

        /** The handling's trace context, for the work it leaves behind. */
        public TraceContexts.W3cTrace trace() {
            return TraceContexts.of(span.getSpanContext()).orElse(null);
        }

        /** Ends the handling: its span (failed when the work failed) and its log context. */
        public void end(Throwable failure) {
            leave.run();
            Tracing.end(span, failure);
        }
    }
}

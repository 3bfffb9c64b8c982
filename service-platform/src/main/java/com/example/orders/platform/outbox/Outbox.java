package com.example.orders.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.example.orders.events.EventEnvelope;
import com.example.orders.events.EventSerde;
import com.example.orders.events.EventType;
import com.example.orders.platform.persistence.NativeSql;
import com.example.orders.platform.saga.Cause;
import com.example.orders.platform.tracing.TraceContexts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Where a use case puts the events it emits. {@link #append} writes the event in the caller's transaction, beside the
 * state change that caused it; {@link OutboxRelay} publishes it after the commit. There is no other way to send an
 * event from a service, so there is no dual write.
 * <p>
 * A row keeps the trace of the work that appended it: the span current here (the request's, or the handling of the
 * record that caused it), or else the trace context the caller remembered
 * ({@link #emitCausedBy(String, String, String, String, Record)}). The relay's publish continues it.
 */
@ApplicationScoped
public class Outbox {

    private final String source;

    Outbox(@ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.source = "/" + applicationName;
    }

    /** Emits the first event of a saga (its id becomes the saga's correlation id). */
    public Uni<EventEnvelope> startSaga(String orderId, Record payload) {
        EventEnvelope envelope = EventEnvelope.startingSaga(source, EventType.ofPayload(payload), orderId,
                now());
        return append(envelope, payload);
    }

    /**
     * Emits the first event of a saga started by a request, whose id becomes the saga's correlation id and the event's
     * causation id.
     */
    public Uni<EventEnvelope> startSaga(String orderId, Record payload, String requestId) {
        EventEnvelope envelope = EventEnvelope.startingSaga(source, EventType.ofPayload(payload), orderId, now(),
                requestId);
        return append(envelope, payload);
    }

    /** Emits an event caused by another: it joins the cause's saga and trace, and names the cause. */
    public Uni<EventEnvelope> emitCausedBy(Cause cause, Record payload) {
        return emitCausedBy(cause.orderId(), cause.correlationId(), cause.eventId(), cause.traceparent(), payload);
    }

    /**
     * Emits an event of a saga that no received event caused: {@code causationId} names what did (a customer's request
     * by its X-Request-Id, or the event whose deadline ran out).
     */
    public Uni<EventEnvelope> emitInSaga(String orderId, String correlationId, String causationId, Record payload) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), source,
                EventType.ofPayload(payload), now(), orderId, correlationId, causationId, null);
        return append(envelope, payload);
    }

    /**
     * Emits an event caused by one received earlier and remembered by the service (the cause is no longer at hand, as
     * when a background call to an outside system completes).
     */
    public Uni<EventEnvelope> emitCausedBy(String orderId, String correlationId, String causationId,
            String traceparent, Record payload) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), source,
                EventType.ofPayload(payload), now(), orderId, correlationId, causationId, traceparent);
        return append(envelope, payload);
    }

    /**
     * Sends an event again exactly as it was first sent (the same ce_id, so consumers that applied it skip it). When it
     * still waits in the outbox, nothing changes.
     */
    public Uni<Void> resend(EventEnvelope sent, Record payload) {
        return append(sent, payload, "on conflict (event_id) do nothing").replaceWithVoid();
    }

    /** The ce_source of this service's events. */
    public String source() {
        return source;
    }

    /** Milliseconds: what ce_time carries and the database keeps, so an event reads back equal to itself. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private Uni<EventEnvelope> append(EventEnvelope envelope, Record payload) {
        return append(envelope, payload, "");
    }

    private Uni<EventEnvelope> append(EventEnvelope envelope, Record payload, String onConflict) {
        TraceContexts.W3cTrace trace = TraceContexts.current()
                .orElse(new TraceContexts.W3cTrace(envelope.traceparent(), null));
        return Panache.getSession()
                .flatMap(session -> NativeSql.update(session, """
                        insert into outbox_event (event_id, event_type, source, subject, correlation_id, causation_id,
                                                  traceparent, tracestate, occurred_at, payload)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)\s""" + onConflict,
                        envelope.id(), envelope.type().ceType(), envelope.source(), envelope.subject(),
                        envelope.correlationId(), envelope.causationId(), trace.traceparent(), trace.tracestate(),
                        envelope.time(), new String(EventSerde.serialize(payload), StandardCharsets.UTF_8)))
                .replaceWith(envelope.withTraceparent(trace.traceparent()));
    }
}

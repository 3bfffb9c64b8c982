package com.example.orders.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The CloudEvents attributes of one event, carried as Kafka headers (binary mode); the payload is the record value.
 * {@code id} is stable across redelivery and replay, which makes it the key consumers de-duplicate on.
 */
public record EventEnvelope(String id, String source, EventType type, Instant time, String subject,
        String correlationId, String causationId, String traceparent) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /** The first event of a saga: its own id is the saga's correlation id, and nothing caused it. */
    public static EventEnvelope startingSaga(String source, EventType type, String orderId, Instant time) {
        String id = UUID.randomUUID().toString();
        return new EventEnvelope(id, source, type, time, orderId, id, null, null);
    }

    /**
     * The first event of a saga started by a request: the request (its X-Request-Id) is both the saga's correlation id,
     * so the saga's events can be found from the request, and the event's cause.
     */
    public static EventEnvelope startingSaga(String source, EventType type, String orderId, Instant time,
            String requestId) {
        return new EventEnvelope(UUID.randomUUID().toString(), source, type, time, orderId, requestId, requestId,
                null);
    }

    /** An event caused by another: it joins the cause's saga and names the cause. */
    public static EventEnvelope causedBy(EventEnvelope cause, String source, EventType type, Instant time) {
        return new EventEnvelope(UUID.randomUUID().toString(), source, type, time, cause.subject(),
                cause.correlationId(), cause.id(), cause.traceparent());
    }

    public Optional<String> causation() {
        return Optional.ofNullable(causationId);
    }

    public EventEnvelope withTraceparent(String traceparent) {
        return new EventEnvelope(id, source, type, time, subject, correlationId, causationId, traceparent);
    }

    public void writeTo(Headers headers) {
        put(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        put(headers, CloudEventHeaders.ID, id);
        put(headers, CloudEventHeaders.SOURCE, source);
        put(headers, CloudEventHeaders.TYPE, type.ceType());
        put(headers, CloudEventHeaders.TIME, time.toString());
        put(headers, CloudEventHeaders.SUBJECT, subject);
        put(headers, CloudEventHeaders.CORRELATION_ID, correlationId);
        put(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (causationId != null) {
            put(headers, CloudEventHeaders.CAUSATION_ID, causationId);
        }
        if (traceparent != null) {
            put(headers, CloudEventHeaders.TRACEPARENT, traceparent);
        }
    }

    /**
     * Reads the envelope of a received record.
     *
     * @throws InvalidEventException
     *             naming the first header that is missing or malformed
     */
    public static EventEnvelope readFrom(Headers headers) {
        String specVersion = required(headers, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new InvalidEventException("unsupported " + CloudEventHeaders.SPEC_VERSION + " '" + specVersion + "'");
        }
        String ceType = required(headers, CloudEventHeaders.TYPE);
        EventType type = EventType.ofCeType(ceType)
                .orElseThrow(
                        () -> new InvalidEventException("unknown " + CloudEventHeaders.TYPE + " '" + ceType + "'"));
        String time = required(headers, CloudEventHeaders.TIME);
        Instant parsedTime;
        try {
            parsedTime = Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("malformed " + CloudEventHeaders.TIME + " '" + time + "'");
        }
        return new EventEnvelope(required(headers, CloudEventHeaders.ID), required(headers, CloudEventHeaders.SOURCE),
                type, parsedTime, required(headers, CloudEventHeaders.SUBJECT),
                required(headers, CloudEventHeaders.CORRELATION_ID), optional(headers, CloudEventHeaders.CAUSATION_ID),
                optional(headers, CloudEventHeaders.TRACEPARENT));
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String required(Headers headers, String name) {
        String value = optional(headers, name);
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("missing header " + name);
        }
        return value;
    }

    private static String optional(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

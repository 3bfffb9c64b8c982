package com.example.orders.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.example.orders.events.CloudEventHeaders;
import com.example.orders.events.DeadLetterHeaders;
import com.example.orders.events.EventType;
import com.example.orders.events.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The run's orders as the benchmark sees them, joined by order id: what was POSTed and when, and every event of the
 * order on the saga's topics (record times). An order's events may arrive before its POST's answer; whichever comes
 * second completes it. Events of orders this run did not place are kept only until the end (they are not counted).
 */
final class Orders {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One order: its request and what the topics said of it. Guarded by its own monitor. */
    static final class Track {

        final String orderId;
        private boolean placed;
        private Mix.Kind kind;
        private String sku;
        private int quantity;
        private long sentEpochMicros;
        private final Map<EventType, Long> firstSeen = new EnumMap<>(EventType.class);
        private final Set<String> terminalEventIds = new LinkedHashSet<>();
        private String terminal;
        private String reason;
        private final List<String> deadLetters = new ArrayList<>();
        private boolean counted;
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        Track(String orderId) {
            this.orderId = orderId;
        }

        synchronized boolean placed() {
            return placed;
        }

        synchronized Mix.Kind kind() {
            return kind;
        }

        synchronized String sku() {
            return sku;
        }

        synchronized int quantity() {
            return quantity;
        }

        /** CONFIRMED or CANCELLED, once its terminal event was seen. */
        synchronized Optional<String> terminal() {
            return Optional.ofNullable(terminal);
        }

        synchronized String outcome() {
            return terminal == null ? "OPEN" : reason == null ? terminal : terminal + " " + reason;
        }

        /** Distinct terminal events (by ce_id): exactly one for a finished order. */
        synchronized Set<String> terminalEventIds() {
            return Set.copyOf(terminalEventIds);
        }

        synchronized List<String> deadLetters() {
            return List.copyOf(deadLetters);
        }

        synchronized Optional<Long> seen(EventType type) {
            return Optional.ofNullable(firstSeen.get(type));
        }

        /** The record time of its terminal event (OrderConfirmed or OrderCancelled), once seen. */
        synchronized Optional<Long> endedAt() {
            return terminal == null
                    ? Optional.empty()
                    : seen(terminal.equals("CONFIRMED") ? EventType.ORDER_CONFIRMED : EventType.ORDER_CANCELLED);
        }

        synchronized long sentEpochMicros() {
            return sentEpochMicros;
        }

        CompletableFuture<Void> done() {
            return done;
        }
    }

    private final Map<String, Track> tracks = new ConcurrentHashMap<>();
    private final Timeline timeline;
    private final RunClock clock;

    Orders(Timeline timeline, RunClock clock) {
        this.timeline = timeline;
        this.clock = clock;
    }

    private Track track(String orderId) {
        return tracks.computeIfAbsent(orderId, Track::new);
    }

    /** The gateway accepted the order (202); {@code sentNanos} is when it was due to be sent. */
    Track placed(String orderId, Mix.Kind kind, String sku, int quantity, long sentNanos) {
        Track track = track(orderId);
        synchronized (track) {
            track.placed = true;
            track.kind = kind;
            track.sku = sku;
            track.quantity = quantity;
            track.sentEpochMicros = clock.epochMicros(sentNanos);
            completeIfDone(track);
        }
        return track;
    }

    /** A record of a saga topic or a dead-letter topic, keyed by order id. */
    void saw(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (Topics.isDeadLetterTopic(record.topic())) {
            Track track = track(record.key());
            synchronized (track) {
                track.deadLetters.add(record.topic() + ": " + header(record, DeadLetterHeaders.REASON).orElse("?"));
            }
            return;
        }
        Optional<EventType> type = EventType.ofTopic(record.topic());
        if (type.isEmpty()) {
            return;
        }
        header(record, CloudEventHeaders.TIME).map(Orders::epochMillis).ifPresent(
                time -> timeline.published((record.timestamp() - time) * 1000));
        Track track = track(record.key());
        synchronized (track) {
            track.firstSeen.putIfAbsent(type.get(), record.timestamp());
            if (type.get() == EventType.ORDER_CONFIRMED || type.get() == EventType.ORDER_CANCELLED) {
                track.terminalEventIds.add(header(record, CloudEventHeaders.ID).orElse("?"));
                if (track.terminal == null) {
                    track.terminal = type.get() == EventType.ORDER_CONFIRMED ? "CONFIRMED" : "CANCELLED";
                    track.reason = type.get() == EventType.ORDER_CANCELLED ? reasonOf(record.value()) : null;
                }
            }
            completeIfDone(track);
        }
    }

    private void completeIfDone(Track track) {
        if (!track.placed || track.terminal == null || track.counted) {
            return;
        }
        track.counted = true;
        long terminalAt = track.endedAt().orElseThrow();
        timeline.completed(clock.secondOfEpochMillis(terminalAt),
                clock.secondOfEpochMillis(track.sentEpochMicros / 1000), terminalAt * 1000 - track.sentEpochMicros,
                track.outcome());
        track.done.complete(null);
    }

    /** Waits for the order's terminal event (a closed-loop client does). */
    CompletableFuture<Void> finished(String orderId) {
        return track(orderId).done;
    }

    /** Every order this run placed. */
    List<Track> placedOrders() {
        return tracks.values().stream().filter(Track::placed).toList();
    }

    /** Records each placed and confirmed order's hops (once, at the end, when all its events are in). */
    void recordHops() {
        for (Track track : placedOrders()) {
            synchronized (track) {
                if (clock.secondOfEpochMillis(track.sentEpochMicros / 1000) < timeline.warmupSeconds()) {
                    continue;
                }
                Long created = track.firstSeen.get(EventType.ORDER_CREATED);
                Long reserved = track.firstSeen.get(EventType.STOCK_RESERVED);
                Long captured = track.firstSeen.get(EventType.PAYMENT_CAPTURED);
                Long confirmed = track.firstSeen.get(EventType.ORDER_CONFIRMED);
                if (created == null || reserved == null || captured == null || confirmed == null) {
                    continue;
                }
                timeline.hop(Timeline.Hop.POST_TO_ORDER_CREATED, created * 1000 - track.sentEpochMicros);
                timeline.hop(Timeline.Hop.ORDER_CREATED_TO_STOCK_RESERVED, (reserved - created) * 1000);
                timeline.hop(Timeline.Hop.STOCK_RESERVED_TO_PAYMENT_CAPTURED, (captured - reserved) * 1000);
                timeline.hop(Timeline.Hop.PAYMENT_CAPTURED_TO_ORDER_CONFIRMED, (confirmed - captured) * 1000);
            }
        }
    }

    private static Optional<String> header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static Long epochMillis(String time) {
        try {
            return Instant.parse(time).toEpochMilli();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String reasonOf(byte[] value) {
        try {
            JsonNode payload = JSON.readTree(value);
            return payload.path("reason").asText(null);
        } catch (Exception e) {
            return null;
        }
    }
}

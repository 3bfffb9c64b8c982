package com.example.orders.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

/**
 * What a run saw, second by second and in total: orders sent, accepted and completed, errors by kind, POST latency and
 * POST → terminal latency (microseconds, HdrHistogram), the saga's hops, and the gauges the sampler read. One monitor
 * guards it all; at a thousand orders a second that costs nothing measurable.
 */
final class Timeline {

    /** The happy path's hops, each from the time of the record (or the POST) before it. */
    enum Hop {

        POST_TO_ORDER_CREATED("POST → OrderCreated"), ORDER_CREATED_TO_STOCK_RESERVED(
                "OrderCreated → StockReserved"), STOCK_RESERVED_TO_PAYMENT_CAPTURED(
                        "StockReserved → PaymentCaptured"), PAYMENT_CAPTURED_TO_ORDER_CONFIRMED(
                                "PaymentCaptured → OrderConfirmed");

        final String label;

        Hop(String label) {
            this.label = label;
        }
    }

    /** One second of the run. */
    static final class Second {

        long sent;
        long accepted;
        long completed;
        long errors;
        final Histogram post = histogram();
        final Histogram saga = histogram();
        final Map<String, Double> gauges = new TreeMap<>();
    }

    private static final long HIGHEST_MICROS = 3_600_000_000L;

    private final List<Second> seconds = new ArrayList<>();
    private final Histogram post = histogram();
    private final Histogram saga = histogram();
    private final Histogram sagaConfirmed = histogram();
    private final Histogram publishLag = histogram();
    private final Map<Hop, Histogram> hops = new EnumMap<>(Hop.class);
    private final Map<String, Long> errors = new TreeMap<>();
    private final Map<String, Long> outcomes = new TreeMap<>();
    private final Map<String, Double> peaks = new TreeMap<>();
    private final int warmupSeconds;
    private long sent;
    private long accepted;
    private long completed;

    /**
     * @param warmupSeconds
     *            orders sent in the first seconds are shown per second but left out of the totals
     */
    Timeline(int warmupSeconds) {
        this.warmupSeconds = warmupSeconds;
        for (Hop hop : Hop.values()) {
            hops.put(hop, histogram());
        }
    }

    private static Histogram histogram() {
        return new Histogram(HIGHEST_MICROS, 3);
    }

    int warmupSeconds() {
        return warmupSeconds;
    }

    private boolean measured(int sentSecond) {
        return sentSecond >= warmupSeconds;
    }

    synchronized void sent(int second) {
        second(second).sent++;
        if (measured(second)) {
            sent++;
        }
    }

    synchronized void accepted(int second, long postMicros) {
        Second bucket = second(second);
        bucket.accepted++;
        record(bucket.post, postMicros);
        if (measured(second)) {
            accepted++;
            record(post, postMicros);
        }
    }

    /** A POST that was not accepted, or could not be sent; errors count in the warm-up too. */
    synchronized void failed(int second, String kind) {
        errors.merge(kind, 1L, Long::sum);
        second(second).errors++;
    }

    /**
     * An accepted order reached its terminal event ({@code outcome}: CONFIRMED, or CANCELLED and the reason), in
     * {@code second}; it was sent in {@code sentSecond}.
     */
    synchronized void completed(int second, int sentSecond, long sagaMicros, String outcome) {
        Second bucket = second(second);
        bucket.completed++;
        record(bucket.saga, sagaMicros);
        if (!measured(sentSecond)) {
            return;
        }
        completed++;
        record(saga, sagaMicros);
        if (outcome.equals("CONFIRMED")) {
            record(sagaConfirmed, sagaMicros);
        }
        outcomes.merge(outcome, 1L, Long::sum);
    }

    synchronized void hop(Hop hop, long micros) {
        record(hops.get(hop), micros);
    }

    synchronized void published(long lagMicros) {
        record(publishLag, lagMicros);
    }

    /** A gauge read at this second (outbox rows, consumer lag, CPU); the run's peak of each is kept too. */
    synchronized void gauge(int second, String name, double value) {
        second(second).gauges.put(name, value);
        peaks.merge(name, value, Math::max);
    }

    private static void record(Histogram histogram, long micros) {
        histogram.recordValue(Math.max(0, Math.min(micros, HIGHEST_MICROS)));
    }

    private Second second(int index) {
        int at = Math.max(0, index);
        while (seconds.size() <= at) {
            seconds.add(new Second());
        }
        return seconds.get(at);
    }

    synchronized long sentCount() {
        return sent;
    }

    synchronized long acceptedCount() {
        return accepted;
    }

    synchronized long completedCount() {
        return completed;
    }

    synchronized long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    synchronized Map<String, Long> errors() {
        return new TreeMap<>(errors);
    }

    synchronized Map<String, Long> outcomes() {
        return new TreeMap<>(outcomes);
    }

    synchronized Map<String, Double> peaks() {
        return new TreeMap<>(peaks);
    }

    synchronized Histogram post() {
        return post.copy();
    }

    synchronized Histogram saga() {
        return saga.copy();
    }

    synchronized Histogram sagaConfirmed() {
        return sagaConfirmed.copy();
    }

    synchronized Histogram publishLag() {
        return publishLag.copy();
    }

    synchronized Map<Hop, Histogram> hops() {
        Map<Hop, Histogram> copy = new EnumMap<>(Hop.class);
        hops.forEach((hop, histogram) -> copy.put(hop, histogram.copy()));
        return copy;
    }

    /** A copy of second {@code index} (an empty one past the end). */
    synchronized Second at(int index) {
        Second copy = new Second();
        if (index < seconds.size()) {
            Second original = seconds.get(index);
            copy.sent = original.sent;
            copy.accepted = original.accepted;
            copy.completed = original.completed;
            copy.errors = original.errors;
            copy.post.add(original.post);
            copy.saga.add(original.saga);
            copy.gauges.putAll(original.gauges);
        }
        return copy;
    }

    synchronized int length() {
        return seconds.size();
    }
}

package com.example.orders.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The provider's books: every answered capture, decline and refund, under the idempotency key that asked for it. Kept
 * in a JSON-lines file, so a restarted provider (the end of an outage) still knows what it charged and answers a
 * repeated key as before.
 */
final class Ledger {

    enum Kind {
        CAPTURE, DECLINE, REFUND
    }

    /** One booked operation and the answer it got. */
    record Entry(Kind kind, String idempotencyKey, String requestHash, String orderId, String id, String captureId,
            BigDecimal amount, String currency, String reason, Instant at) {
    }

    private final Path file;
    private final Map<String, Entry> byKey = new LinkedHashMap<>();
    private final Map<String, Integer> requestsByOrder = new LinkedHashMap<>();

    Ledger(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the ledger's directory " + file.getParent(), e);
        }
        JsonLines.forEach(file, Entry.class, entry -> byKey.put(entry.idempotencyKey(), entry));
    }

    synchronized Optional<Entry> find(String idempotencyKey) {
        return Optional.ofNullable(byKey.get(idempotencyKey));
    }

    synchronized void book(Entry entry) {
        JsonLines.append(file, entry, StandardOpenOption.SYNC);
        byKey.put(entry.idempotencyKey(), entry);
    }

    /** Counts a request about the order, answered or not (since this process started). */
    synchronized void countRequest(String orderId) {
        requestsByOrder.merge(orderId, 1, Integer::sum);
    }

    synchronized List<Entry> entriesOf(String orderId) {
        List<Entry> entries = new ArrayList<>();
        byKey.values().stream().filter(entry -> orderId.equals(entry.orderId())).forEach(entries::add);
        return entries;
    }

    synchronized List<Entry> all() {
        return List.copyOf(byKey.values());
    }

    synchronized int requestsOf(String orderId) {
        return requestsByOrder.getOrDefault(orderId, 0);
    }
}

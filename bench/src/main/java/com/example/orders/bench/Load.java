package com.example.orders.bench;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives orders through the gateway. Open loop: orders are due at a fixed rate whatever the suite does, and latency is
 * measured from when each was due, not from when it could be sent (no coordinated omission); at most
 * {@code maxInFlight} POSTs wait at once, and an order due beyond that is counted as an error, not sent later. Closed
 * loop: N clients each place an order, wait until it ends (its terminal event), and place the next. Either way a POST
 * that gets no answer, or one that says to try again, is retried with the same Idempotency-Key.
 */
final class Load {

    private final SuiteClient client;
    private final Orders orders;
    private final Timeline timeline;
    private final RunClock clock;
    private final Catalogue catalogue;
    private final Mix mix;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();

    private static final Set<Integer> RETRIED = Set.of(502, 503, 504);
    private static final int MAX_ATTEMPTS = 10;

    Load(SuiteClient client, Orders orders, Timeline timeline, RunClock clock, Catalogue catalogue, Mix mix) {
        this.client = client;
        this.orders = orders;
        this.timeline = timeline;
        this.clock = clock;
        this.catalogue = catalogue;
        this.mix = mix;
    }

    int inFlight() {
        return inFlight.get();
    }

    void openLoop(double ratePerSecond, Duration length, int maxInFlight) {
        SplittableRandom random = new SplittableRandom(42);
        double intervalNanos = 1e9 / ratePerSecond;
        long start = clock.nanos();
        long end = start + length.toNanos();
        for (long n = 0;; n++) {
            long due = start + (long) (n * intervalNanos);
            if (due >= end) {
                break;
            }
            long wait = due - clock.nanos();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (inFlight.get() >= maxInFlight) {
                timeline.sent(clock.secondOf(due));
                timeline.failed(clock.secondOf(due), "not sent: " + maxInFlight + " POSTs in flight");
                continue;
            }
            place(catalogue.next(mix, random), due);
        }
    }

    void closedLoop(int clients, Duration length) {
        long end = clock.nanos() + length.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            SplittableRandom random = new SplittableRandom(42 + c);
            Thread thread = new Thread(() -> {
                while (clock.nanos() < end) {
                    Optional<String> orderId = place(catalogue.next(mix, random), clock.nanos()).join();
                    if (orderId.isEmpty()) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                        continue;
                    }
                    try {
                        orders.finished(orderId.get()).get(60, TimeUnit.SECONDS);
                    } catch (TimeoutException e) {
                        timeline.failed(clock.secondOf(clock.nanos()), "not final within 60 s (closed loop)");
                    } catch (Exception e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "client-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Waits (bounded) until every POST sent has its answer. */
    void drain(Duration patience) {
        long end = clock.nanos() + patience.toNanos();
        while (inFlight.get() > 0 && clock.nanos() < end) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private CompletableFuture<Optional<String>> place(Catalogue.Line line, long dueNanos) {
        int second = clock.secondOf(dueNanos);
        timeline.sent(second);
        inFlight.incrementAndGet();
        long n = sequence.getAndIncrement();
        return attempt(n, UUID.randomUUID().toString(), line, dueNanos, 1).whenComplete((orderId, failure) -> inFlight
                .decrementAndGet());
    }

    /**
     * One POST of the order. An answer that says "try again" (502, 503, 504) or none at all (a timeout, a dropped
     * connection) is what a client app retries, with the same Idempotency-Key, so that the order is placed once
     * whatever happened to the first attempt; each such attempt counts as an error of the run.
     */
    private CompletableFuture<Optional<String>> attempt(long n, String key, Catalogue.Line line, long dueNanos,
            int attempt) {
        int second = clock.secondOf(dueNanos);
        return client.place(n, key, line.sku(), line.quantity(), line.paymentToken())
                .handle((answer, failure) -> {
                    if (failure == null && answer.status() == 202) {
                        long postMicros = (clock.nanos() - dueNanos) / 1000;
                        timeline.accepted(second, postMicros);
                        String orderId = answer.body().path("orderId").asText();
                        orders.placed(orderId, line.kind(), line.sku(), line.quantity(), dueNanos);
                        return CompletableFuture.completedFuture(Optional.of(orderId));
                    }
                    boolean retry = failure != null || RETRIED.contains(answer.status());
                    String kind = failure != null ? describe(failure) : "HTTP " + answer.status();
                    if (!retry || attempt >= MAX_ATTEMPTS) {
                        timeline.failed(second, kind + (retry ? ", given up after " + attempt + " attempts" : ""));
                        return CompletableFuture.completedFuture(Optional.<String>empty());
                    }
                    timeline.failed(second, kind + " (retried with the same key)");
                    long delaySeconds = failure != null ? 1 : answer.retryAfter().map(Load::seconds).orElse(1L);
                    return CompletableFuture.supplyAsync(() -> null,
                            CompletableFuture.delayedExecutor(delaySeconds, TimeUnit.SECONDS))
                            .thenCompose(ignored -> attempt(n, key, line, dueNanos, attempt + 1));
                })
                .thenCompose(next -> next);
    }

    private static long seconds(String retryAfter) {
        try {
            return Math.max(1, Math.min(10, Long.parseLong(retryAfter.trim())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        if (cause instanceof HttpTimeoutException) {
            return "POST timed out (30 s)";
        }
        return "POST failed: " + cause.getClass().getSimpleName();
    }
}

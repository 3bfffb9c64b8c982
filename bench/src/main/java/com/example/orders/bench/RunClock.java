package com.example.orders.bench;

/**
 * The run's one time base: a monotonic start (for intervals measured here) tied to the wall clock at the same instant
 * (for the brokers' record times, which are wall-clock milliseconds of this machine).
 */
final class RunClock {

    private final long startNanos = System.nanoTime();
    private final long startEpochMicros = System.currentTimeMillis() * 1000;

    long nanos() {
        return System.nanoTime();
    }

    long epochMicros(long nanos) {
        return startEpochMicros + (nanos - startNanos) / 1000;
    }

    long startEpochMillis() {
        return startEpochMicros / 1000;
    }

    /** The second of the run a monotonic instant falls in. */
    int secondOf(long nanos) {
        return (int) ((nanos - startNanos) / 1_000_000_000L);
    }

    int secondOfEpochMillis(long epochMillis) {
        return (int) ((epochMillis * 1000 - startEpochMicros) / 1_000_000L);
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}

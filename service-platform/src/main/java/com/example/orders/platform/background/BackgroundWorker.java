package com.example.orders.platform.background;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import com.example.orders.platform.outage.Outages;

/**
 * A service's background loop on a thread of its own: the outbox relay, the provider calls, the mail, the saga
 * deadlines. It runs a round, and when the round says nothing more is waiting it sleeps until its
 * {@link CommitNotifications.Wakeup} is signalled (work committed) or its interval passes. A round that fails because a
 * dependency is away is waited out through the worker's {@link Outages.Waiter} (one log line per outage, readiness and
 * {@code background_work_waiting} say so); any other failure is logged; either way the next round comes after a backoff
 * that doubles up to {@link #MAX_BACKOFF} and resets once a round goes through.
 * <p>
 * {@link #stop} lets a round in progress finish (a relay's batch acknowledged, a provider's answer recorded) for up to
 * {@link #STOP_GRACE}, then interrupts it.
 */
public final class BackgroundWorker {

    /** One round of a worker's work. */
    @FunctionalInterface
    public interface Round {

        /**
         * @return true when more work may be waiting now (a full batch), so the next round follows at once; false to
         *         sleep until woken or the interval passes
         */
        boolean run() throws Throwable;
    }

    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    /** As a consumer's records wait out an outage ({@code platform.consumer.outage-max-backoff}). */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(BackgroundWorker.class);

    private final String name;
    private final CommitNotifications.Wakeup wakeup;
    private final Duration interval;
    private final Outages.Waiter outage;
    private final Round round;
    private final Thread thread;
    /** Counted down once, by {@link #stop}: the worker is running until then. */
    private final CountDownLatch stopping = new CountDownLatch(1);

    private BackgroundWorker(String name, CommitNotifications.Wakeup wakeup, Duration interval, Outages.Waiter outage,
            Round round) {
        this.name = name;
        this.wakeup = wakeup;
        this.interval = interval;
        this.outage = outage;
        this.round = round;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
    }

    /**
     * Starts {@code round} on a thread named {@code name}: at once, then whenever {@code wakeup} is signalled or
     * {@code interval} has passed since the last round that found nothing more to do.
     */
    public static BackgroundWorker start(String name, CommitNotifications.Wakeup wakeup, Duration interval,
            Outages.Waiter outage, Round round) {
        BackgroundWorker worker = new BackgroundWorker(Objects.requireNonNull(name), Objects.requireNonNull(wakeup),
                Objects.requireNonNull(interval), Objects.requireNonNull(outage), Objects.requireNonNull(round));
        worker.thread.start();
        return worker;
    }

    /** Stops after the round in progress, if any (interrupted after {@link #STOP_GRACE}); waits until it has. */
    public void stop() throws InterruptedException {
        stopping.countDown();
        wakeup.signal();
        thread.join(STOP_GRACE.toMillis());
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join(STOP_GRACE.toMillis());
        }
    }

    private void loop() {
        Duration backoff = FIRST_BACKOFF;
        while (running()) {
            try {
                boolean more = round.run();
                outage.roundSucceeded();
                backoff = FIRST_BACKOFF;
                if (!more && running()) {
                    wakeup.await(interval);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                if (!running()) {
                    return;
                }
                if (!outage.roundFailed(e)) {
                    LOG.errorf(e, "%s: a round failed; the next one tries again in %s", name, backoff);
                }
                if (!sleep(backoff)) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private boolean running() {
        return stopping.getCount() > 0;
    }

    /**
     * Sleeps for a backoff, which a commit does not cut short (a failing round would otherwise run on every commit);
     * only {@link #stop} does.
     *
     * @return false when the worker stops
     */
    private boolean sleep(Duration time) {
        try {
            return !stopping.await(time.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

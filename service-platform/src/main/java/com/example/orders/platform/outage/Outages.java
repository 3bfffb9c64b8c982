package com.example.orders.platform.outage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What in this service is waiting out an outage, and since when. Each waiter (a consumed topic, a background worker)
 * logs one line when its outage begins and one when it ends, however many records or rounds it retries in between;
 * {@code messaging_records_waiting{topic}} and {@code background_work_waiting{worker}} count what is held meanwhile,
 * and readiness ({@link OutageReadiness}) answers DOWN while anything waits on the service's own database or broker.
 */
@ApplicationScoped
public class Outages {

    private static final Logger LOG = Logger.getLogger(Outages.class);

    private final MeterRegistry meters;
    private final Map<String, Waiter> waiters = new ConcurrentHashMap<>();

    Outages(MeterRegistry meters) {
        this.meters = meters;
    }

    /** The records of a consumed topic: they wait in order, and the service is not ready meanwhile. */
    public Waiter consumerOf(String topic) {
        return waiters.computeIfAbsent("records of " + topic,
                name -> new Waiter(name, true, gauge -> Gauge.builder("messaging.records.waiting", gauge,
                        AtomicInteger::get)
                        .description("Records held because a dependency is away; applied in order when it returns")
                        .tag("topic", topic)
                        .register(meters)));
    }

    /**
     * A background worker. One that waits on the service's own database or broker holds readiness down; one that waits
     * on the outside world (the payment provider, a mail server) does not, as the service still takes its work.
     */
    public Waiter worker(String worker, boolean holdsReadiness) {
        return waiters.computeIfAbsent(worker,
                name -> new Waiter(name, holdsReadiness, gauge -> Gauge.builder("background.work.waiting", gauge,
                        AtomicInteger::get)
                        .description("Work of a background worker held because a dependency is away")
                        .tag("worker", worker)
                        .register(meters)));
    }

    /** The waiters that hold the service's readiness down now. */
    List<Waiter> waitingOnOwnDependencies() {
        return waiters.values().stream().filter(waiter -> waiter.holdsReadiness && waiter.isWaiting()).toList();
    }

    /**
     * Something that can wait: what it holds is counted, and its outage logged once when it begins and once when it
     * ends.
     */
    public static final class Waiter {

        private final String name;
        private final boolean holdsReadiness;
        private final AtomicInteger held = new AtomicInteger();
        private volatile Instant since;
        private volatile String reason;

        private Waiter(String name, boolean holdsReadiness, java.util.function.Consumer<AtomicInteger> gauge) {
            this.name = name;
            this.holdsReadiness = holdsReadiness;
            gauge.accept(held);
        }

        private Wait round;

        /** One piece of work (a record) that waits until it succeeds or fails for good. */
        public Wait hold() {
            return new Wait(this);
        }

        /**
         * A worker's round failed because a dependency is away: the worker waits (one log line for the whole outage)
         * until a round succeeds.
         */
        public synchronized void roundFailed(Throwable cause) {
            if (round == null) {
                round = hold();
            }
            round.failedTransiently(cause);
        }

        /** A worker's round went through: whatever it waited on is back. */
        public synchronized void roundSucceeded() {
            if (round != null) {
                round.ended();
                round = null;
            }
        }

        public boolean isWaiting() {
            return held.get() > 0;
        }

        public String name() {
            return name;
        }

        /** What it waits on, and since when, for readiness and operators. */
        public String describe() {
            return "waiting since " + since + " on: " + reason;
        }

        private void begin(Throwable cause) {
            reason = describe(cause);
            if (held.getAndIncrement() == 0) {
                since = Instant.now();
                LOG.warnf("%s: waiting for a dependency that is away (%s); held and tried again with backoff until "
                        + "it returns", name, reason);
            }
        }

        private void end() {
            if (held.decrementAndGet() == 0) {
                Instant began = since;
                LOG.infof("%s: resumed, the dependency is back after %.1f s", name,
                        began == null ? 0.0 : Duration.between(began, Instant.now()).toMillis() / 1000.0);
            }
        }

        private static String describe(Throwable failure) {
            return TransientFailures.outageCause(failure).orElse(failure).toString();
        }
    }

    /** One held piece of work: counted from its first outage failure until it ends, however it ends. */
    public static final class Wait {

        private final Waiter waiter;
        private boolean counted;

        private Wait(Waiter waiter) {
            this.waiter = waiter;
        }

        /** It failed because a dependency is away: from now on it counts as waiting. */
        public synchronized void failedTransiently(Throwable cause) {
            if (!counted) {
                counted = true;
                waiter.begin(cause);
            } else {
                waiter.reason = Waiter.describe(cause);
            }
        }

        /** It succeeded, or failed for good: it waits no more. */
        public synchronized void ended() {
            if (counted) {
                counted = false;
                waiter.end();
            }
        }
    }
}

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
        return waiter("records of " + topic, true, "messaging.records.waiting",
                "Records held because a dependency is away; applied in order when it returns", "topic", topic);
    }

    /**
     * A background worker. One that waits on the service's own database or broker holds readiness down; one that waits
     * on the outside world (the payment provider, a mail server) does not, as the service still takes its work.
     */
    public Waiter worker(String worker, boolean holdsReadiness) {
        return waiter(worker, holdsReadiness, "background.work.waiting",
                "Work of a background worker held because a dependency is away", "worker", worker);
    }

    /** The waiter of that name, made on first use with its gauge of what it holds. */
    private Waiter waiter(String name, boolean holdsReadiness, String gauge, String description, String tag,
            String tagValue) {
        return waiters.computeIfAbsent(name, ignored -> {
            Waiter waiter = new Waiter(name, holdsReadiness);
            Gauge.builder(gauge, waiter.held, AtomicInteger::get).description(description).tag(tag, tagValue)
                    .register(meters);
            return waiter;
        });
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

        private Wait round;

        private Waiter(String name, boolean holdsReadiness) {
            this.name = name;
            this.holdsReadiness = holdsReadiness;
        }

        /** One piece of work (a record) that waits until it succeeds or fails for good. */
        public Wait hold() {
            return new Wait(this);
        }

        /**
         * A worker's round failed. When the cause is an outage ({@link TransientFailures}) the worker waits (one log
         * line for the whole outage) until a round succeeds.
         *
         * @return true for an outage, now waited out; false for any other failure, which the caller reports
         */
        public synchronized boolean roundFailed(Throwable cause) {
            if (!TransientFailures.isTransient(cause)) {
                return false;
            }
            if (round == null) {
                round = hold();
            }
            round.failedTransiently(cause);
            return true;
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

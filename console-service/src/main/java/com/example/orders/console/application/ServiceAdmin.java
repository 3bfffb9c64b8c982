package com.example.orders.console.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The services' own admin endpoints: readiness, and the gauges of their metrics an operator looks at first. */
public interface ServiceAdmin {

    /**
     * @param address
     *            where the console reaches it
     * @param reachable
     *            false when it did not answer at all (not running, or not reachable from the console)
     * @param down
     *            the names of its readiness checks that are down
     */
    record Readiness(String service, String address, boolean reachable, boolean ready, List<String> down) {
    }

    /**
     * @param recordsWaiting
     *            records held through an outage, per topic ({@code messaging_records_waiting})
     * @param workWaiting
     *            background work held through an outage, per worker ({@code background_work_waiting})
     * @param outboxPending
     *            events committed and not yet acknowledged by the broker, for a service with an outbox
     * @param outboxOldestSeconds
     *            the age of the oldest of them
     */
    record Gauges(String service, Map<String, Double> recordsWaiting, Map<String, Double> workWaiting,
            Optional<Double> outboxPending, Optional<Double> outboxOldestSeconds) {
    }

    /** What one service holds for an order now: per kind (reservation, payment, ...), its rows by column. */
    record Held(String service, String kind, List<Map<String, String>> rows) {

        public List<String> columns() {
            return rows.isEmpty() ? List.of() : List.copyOf(rows.get(0).keySet());
        }
    }

    /**
     * @param unanswered
     *            the services that did not answer (not running, or refusing the token)
     */
    record Holdings(List<Held> held, List<String> unanswered) {
    }

    /**
     * Asks every service what it holds for the order, at once.
     *
     * @param operatorToken
     *            the operator's own token: the services answer admins only
     */
    Holdings holdingsOf(String orderId, String operatorToken);

    /** The services the console knows of ({@code console.services}), in that order. */
    List<String> services();

    /** Asks every service at once; one that does not answer is reported so, never waited for long. */
    List<Readiness> readiness();

    /** The gauges of every service that answers. */
    List<Gauges> gauges();
}

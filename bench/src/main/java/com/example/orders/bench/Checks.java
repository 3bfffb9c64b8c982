package com.example.orders.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What must hold after a run, from the outside (the topics, the public API, the provider's ledger), for the orders of
 * the run: each ended exactly once, none was dead-lettered, each SKU's stock is conserved with nothing left held, each
 * confirmed order was captured exactly once and not refunded, and no cancelled one keeps a charge. Outcomes that are
 * legal but not what the order asked for (a {@code tok_ok} order cancelled) are counted apart, as errors of the run.
 */
final class Checks {

    record Result(List<String> violations, Map<String, Long> unexpectedOutcomes) {

        boolean hold() {
            return violations.isEmpty();
        }
    }

    private static final int SHOWN = 20;

    private Checks() {
    }

    static Result run(Orders orders, SuiteClient client, Catalogue catalogue) {
        List<String> violations = new ArrayList<>();
        Map<String, Long> unexpected = new TreeMap<>();
        List<Orders.Track> placed = orders.placedOrders();
        Map<String, Integer> sold = new HashMap<>();
        long open = 0;
        for (Orders.Track order : placed) {
            if (order.terminal().isEmpty()) {
                open++;
                continue;
            }
            Set<String> terminals = order.terminalEventIds();
            if (terminals.size() != 1) {
                violations.add("order " + order.orderId + " ended " + terminals.size() + " times: " + terminals);
            }
            order.deadLetters().forEach(letter -> violations.add("order " + order.orderId + " dead-lettered in "
                    + letter));
            boolean confirmed = order.terminal().get().equals("CONFIRMED");
            if (confirmed) {
                sold.merge(order.sku(), order.quantity(), Integer::sum);
            }
            String expected = switch (order.kind()) {
                case OK -> "CONFIRMED";
                case DECLINED -> "CANCELLED PAYMENT_DECLINED";
                case OUT_OF_STOCK -> confirmed ? "CONFIRMED" : "CANCELLED OUT_OF_STOCK";
            };
            if (!order.outcome().equals(expected)) {
                unexpected.merge(order.kind().label + " order " + order.outcome(), 1L, Long::sum);
            }
        }
        if (open > 0) {
            violations.add(open + " of " + placed.size() + " accepted orders never ended (no OrderConfirmed or "
                    + "OrderCancelled seen)");
        }
        violations.addAll(stock(client, catalogue, sold));
        violations.addAll(payments(client, placed));
        return new Result(shortened(violations), unexpected);
    }

    /** available + held + sold = stocked, and nothing held, once the consumers have caught up (30 s at most). */
    private static List<String> stock(SuiteClient client, Catalogue catalogue, Map<String, Integer> sold) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<String> violations = new ArrayList<>();
            catalogue.stocked().forEach((sku, units) -> {
                JsonNode stock = client.stockOf(sku);
                int available = stock.path("available").asInt();
                int held = stock.path("reserved").asInt();
                int soldUnits = sold.getOrDefault(sku, 0);
                if (available + held + soldUnits != units || held != 0) {
                    violations.add(sku + ": stocked " + units + ", now available " + available + " + held " + held
                            + " + sold " + soldUnits);
                }
            });
            if (violations.isEmpty() || System.nanoTime() > deadline) {
                return violations;
            }
            pause();
        }
    }

    private static List<String> payments(SuiteClient client, List<Orders.Track> placed) {
        Map<String, Map<String, Long>> booked = new HashMap<>();
        for (JsonNode entry : client.providerLedger()) {
            booked.computeIfAbsent(entry.path("orderId").asText(), id -> new HashMap<>())
                    .merge(entry.path("kind").asText(), 1L, Long::sum);
        }
        List<String> violations = new ArrayList<>();
        for (Orders.Track order : placed) {
            if (order.terminal().isEmpty()) {
                continue;
            }
            Map<String, Long> kinds = booked.getOrDefault(order.orderId, Map.of());
            long captures = kinds.getOrDefault("CAPTURE", 0L);
            long refunds = kinds.getOrDefault("REFUND", 0L);
            boolean confirmed = order.terminal().get().equals("CONFIRMED");
            if (confirmed && (captures != 1 || refunds != 0)) {
                violations.add("confirmed order " + order.orderId + ": " + captures + " captures, " + refunds
                        + " refunds");
            }
            if (!confirmed && (captures > 1 || captures != refunds)) {
                violations.add("cancelled order " + order.orderId + ": " + captures + " captures, " + refunds
                        + " refunds");
            }
        }
        return violations;
    }

    private static List<String> shortened(List<String> violations) {
        if (violations.size() <= SHOWN) {
            return violations;
        }
        List<String> shown = new ArrayList<>(violations.subList(0, SHOWN));
        shown.add("… and " + (violations.size() - SHOWN) + " more");
        return shown;
    }

    static String describe(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

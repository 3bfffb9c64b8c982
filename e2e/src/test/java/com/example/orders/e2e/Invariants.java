package com.example.orders.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.core.ConditionTimeoutException;

import com.example.orders.events.DeadLetterHeaders;
import com.example.orders.localinfra.SuiteService;
import com.example.orders.operations.TopicRecords;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What must hold after any fault, checked from the outside only: the public HTTP API (orders, stock), the payment
 * provider's ledger, the SMTP sink, and the dead-letter topics of the contract. Given what was stocked and which orders
 * were accepted:
 * <ul>
 * <li>every accepted order is CONFIRMED or CANCELLED;</li>
 * <li>for every SKU, available + held + sold equals what was stocked (sold: the units of its CONFIRMED orders), and
 * nothing is held any more;</li>
 * <li>every CONFIRMED order was captured exactly once and not refunded; no capture stands on a CANCELLED one;</li>
 * <li>every outcome was emailed exactly once (one Message-ID, delivered once; when notification-service was killed in
 * the round, the one documented window of SMTP, a kill between the server's acceptance and the "sent" mark, may deliver
 * that same Message-ID again, which a mail system de-duplicates);</li>
 * <li>loyalty-service, the consumer a new team added, recorded every order's outcome exactly once: one entry per order
 * in its customer's statement, the points of its total (a point per whole unit) for a CONFIRMED one, none earned for a
 * CANCELLED one;</li>
 * <li>no event of these orders is in any consumer group's dead-letter topic.</li>
 * </ul>
 */
final class Invariants {

    private final Suite suite;
    private final Api api;

    Invariants(Suite suite, Api api) {
        this.suite = suite;
        this.api = api;
    }

    /**
     * Waits up to {@code bound} for every accepted order to end and for the rest to settle, then fails with every
     * violation found, each naming the order or SKU.
     */
    void assertHold(Map<String, Integer> stocked, List<SteadyOrders.Placed> accepted, Duration bound) {
        assertHold(stocked, accepted, bound, false);
    }

    /**
     * @param mailerKilled
     *            notification-service was killed in the round (see the class comment on emails)
     */
    void assertHold(Map<String, Integer> stocked, List<SteadyOrders.Placed> accepted, Duration bound,
            boolean mailerKilled) {
        Map<String, JsonNode> finals = awaitFinal(accepted, bound);
        AtomicReference<List<String>> last = new AtomicReference<>(List.of());
        try {
            // consumers apply the outcome a moment after the order ends (stock released, email sent)
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                last.set(violations(stocked, accepted, finals, mailerKilled));
                return last.get().isEmpty();
            });
        } catch (ConditionTimeoutException e) {
            // reported below, whole
        }
        assertThat(last.get()).as("invariants after the fault (%d orders)", accepted.size()).isEmpty();
    }

    private Map<String, JsonNode> awaitFinal(List<SteadyOrders.Placed> accepted, Duration bound) {
        Map<String, JsonNode> finals = new HashMap<>();
        try {
            await().atMost(bound).pollInterval(Duration.ofSeconds(1)).until(() -> {
                for (SteadyOrders.Placed placed : accepted) {
                    if (!finals.containsKey(placed.orderId())) {
                        JsonNode order = api.order(placed.orderId());
                        if (Outcomes.FINAL.contains(order.path("status").asText())) {
                            finals.put(placed.orderId(), order);
                        }
                    }
                }
                return finals.size() == accepted.size();
            });
        } catch (ConditionTimeoutException e) {
            List<String> open = accepted.stream().map(SteadyOrders.Placed::orderId)
                    .filter(orderId -> !finals.containsKey(orderId))
                    .map(orderId -> api.order(orderId).toString())
                    .toList();
            throw new AssertionError(open.size() + " of " + accepted.size() + " accepted orders not CONFIRMED or "
                    + "CANCELLED within " + bound + ": " + open, e);
        }
        return finals;
    }

    private List<String> violations(Map<String, Integer> stocked, List<SteadyOrders.Placed> accepted,
            Map<String, JsonNode> finals, boolean mailerKilled) {
        List<String> violations = new ArrayList<>();
        Map<String, Integer> sold = new HashMap<>();
        for (SteadyOrders.Placed placed : accepted) {
            String orderId = placed.orderId();
            boolean confirmed = finals.get(orderId).get("status").asText().equals("CONFIRMED");
            if (confirmed) {
                sold.merge(placed.sku(), placed.quantity(), Integer::sum);
            }
            JsonNode ledger = api.ledgerOf(orderId);
            int captures = ledger.get("captures").size();
            int refunds = ledger.get("refunds").size();
            if (confirmed && (captures != 1 || refunds != 0)) {
                violations.add("confirmed order " + orderId + ": " + captures + " captures, " + refunds
                        + " refunds");
            }
            if (!confirmed && (captures > 1 || captures != refunds)) {
                violations.add("cancelled order " + orderId + ": " + captures + " captures, " + refunds
                        + " refunds");
            }
            JsonNode emails = api.emailsAbout(orderId);
            String outcome = confirmed ? "confirmed" : "cancelled";
            Set<String> messageIds = new HashSet<>(emails.findValuesAsText("messageId"));
            boolean once = emails.size() == 1 || mailerKilled && messageIds.size() == 1;
            if (!once || !emails.get(0).path("subject").asText().contains(outcome)) {
                violations.add(outcome + " order " + orderId + ": " + emails.size() + " emails " + emails);
            }
        }
        violations.addAll(loyaltyViolations(finals));
        stocked.forEach((sku, units) -> {
            JsonNode stock = api.stockOf(sku);
            int available = stock.get("available").asInt();
            int held = stock.get("reserved").asInt();
            int sold1 = sold.getOrDefault(sku, 0);
            if (available + held + sold1 != units || held != 0) {
                violations.add(sku + ": stocked " + units + ", now available " + available + " + held " + held
                        + " + sold " + sold1);
            }
        });
        Set<String> orderIds = new HashSet<>(finals.keySet());
        for (SuiteService service : SuiteService.values()) {
            String deadLetters = service.serviceName() + ".dlq";
            TopicRecords.all(suite.kafkaBootstrapServers(), deadLetters).stream()
                    .filter(record -> orderIds.contains(record.key()))
                    .forEach(record -> violations.add("order " + record.key() + " in " + deadLetters + ": "
                            + reasonOf(record)));
        }
        return violations;
    }

    /** One loyalty entry per order, the one its outcome calls for. */
    List<String> loyaltyViolations(Map<String, JsonNode> finals) {
        List<String> violations = new ArrayList<>();
        Map<String, List<JsonNode>> entriesByOrder = new HashMap<>();
        finals.values().stream().map(order -> order.get("customerId").asText()).distinct()
                .forEach(customer -> api.loyaltyOf(customer).path("entries").forEach(entry -> entriesByOrder
                        .computeIfAbsent(entry.get("orderId").asText(), orderId -> new ArrayList<>()).add(entry)));
        finals.forEach((orderId, order) -> {
            boolean confirmed = order.get("status").asText().equals("CONFIRMED");
            String expected = confirmed
                    ? "GRANTED " + new java.math.BigDecimal(order.at("/total/amount").asText())
                            .setScale(0, java.math.RoundingMode.DOWN).longValueExact()
                    : "NONE_EARNED 0";
            List<String> entries = entriesByOrder.getOrDefault(orderId, List.of()).stream()
                    .map(entry -> entry.get("kind").asText() + " " + entry.get("points").asLong())
                    .toList();
            if (!entries.equals(List.of(expected))) {
                violations.add((confirmed ? "confirmed" : "cancelled") + " order " + orderId + ": loyalty entries "
                        + entries + ", not [" + expected + "]");
            }
        });
        return violations;
    }

    private static String reasonOf(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record) {
        var reason = record.headers().lastHeader(DeadLetterHeaders.REASON);
        return reason == null ? "(no reason)" : new String(reason.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}

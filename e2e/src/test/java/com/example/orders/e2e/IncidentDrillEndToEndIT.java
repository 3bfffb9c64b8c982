package com.example.orders.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The on-call drill of RUNBOOK.md, scripted: a faulty inventory-service release fails every order of one SKU; those
 * orders pile into {@code inventory-service.dlq} while the others flow; a redrive before the fix sends each back once,
 * not in a loop; after the fix one redrive completes every order, and stock, charges and emails are exactly what they
 * would have been without the incident. The steps run in order and share the orders they placed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncidentDrillEndToEndIT {

    private static final String GROUP = "inventory-service";

    static Suite suite;
    static Api api;
    static Outcomes saga;
    static String carol;
    static String faultySku;
    static String healthySku;
    static final List<String> faultyPaid = new ArrayList<>();
    static String faultyDeclined;
    static final List<String> healthy = new ArrayList<>();

    @BeforeAll
    static void theSuiteRuns() {
        suite = RunningSuite.suite();
        api = RunningSuite.api();
        saga = new Outcomes(api);
        carol = api.customerToken("carol");
    }

    @Test
    @Order(1)
    void ordersOfTheFaultySkuPileUpInTheDeadLetterTopicWhileTheOthersFlow() {
        faultySku = saga.stocked(20, "2.00");
        healthySku = saga.stocked(20, "3.00");
        restartInventory(Map.of("INVENTORY_FAULT_FAIL_ON_SKU", faultySku));

        for (int i = 0; i < 4; i++) {
            faultyPaid.add(api.place(carol, faultySku, 1, "tok_ok"));
            healthy.add(api.place(carol, healthySku, 1, "tok_ok"));
        }
        faultyDeclined = api.place(carol, faultySku, 2, "tok_declined");

        saga.awaitAllFinal(healthy).values()
                .forEach(order -> assertThat(order.get("status").asText()).isEqualTo("CONFIRMED"));
        List<String> faulty = faultyOrders();
        await().atMost(Outcomes.SAGA).until(() -> pendingDeadLetters().size() == faulty.size());
        assertThat(pendingDeadLetters()).allSatisfy(line -> {
            assertThat(line).contains("orders.OrderCreated.v1", "orders.order-created.v1/", "PENDING",
                    "drill fault");
        });
        assertThat(faulty).allSatisfy(orderId -> {
            assertThat(pendingDeadLetters()).anyMatch(line -> line.contains(orderId));
            assertThat(api.order(orderId).get("status").asText()).isEqualTo("PENDING");
        });
        saga.awaitStock(faultySku, 20, 0);
    }

    @Test
    @Order(2)
    void aRedriveBeforeTheFixSendsEachDeadLetterBackOnceNotInALoop() {
        Suite.Result redrive = suite.run("dlq", "redrive", GROUP);

        assertThat(redrive.exitCode()).as(redrive.output()).isZero();
        assertThat(redrive.output()).contains("re-drove 5 events");
        await().atMost(Outcomes.SAGA).until(() -> pendingDeadLetters().size() == 5);
        await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(30)).until(() -> {
            List<String> letters = deadLetters();
            return letters.size() == 10 && pending(letters).size() == 5;
        });
        assertThat(faultyOrders()).allSatisfy(
                orderId -> assertThat(api.order(orderId).get("status").asText()).isEqualTo("PENDING"));
    }

    @Test
    @Order(3)
    void afterTheFixOneRedriveCompletesEveryOrderAsIfNoIncidentHadHappened() {
        restartInventory(Map.of());

        Suite.Result redrive = suite.run("dlq", "redrive", GROUP);

        assertThat(redrive.exitCode()).as(redrive.output()).isZero();
        assertThat(redrive.output()).contains("re-drove 5 events");
        Map<String, JsonNode> finals = saga.awaitAllFinal(faultyOrders());
        faultyPaid.forEach(orderId -> assertThat(finals.get(orderId).get("status").asText()).isEqualTo("CONFIRMED"));
        saga.assertCancelled(faultyDeclined, "PAYMENT_DECLINED");
        saga.awaitStock(faultySku, 16, 0);
        saga.awaitStock(healthySku, 16, 0);
        saga.assertEveryConfirmedOrderChargedOnceAndNoOtherCharged(finals);
        faultyPaid.forEach(orderId -> saga.awaitExactlyOneEmail(orderId, "confirmed"));
        saga.awaitExactlyOneEmail(faultyDeclined, "cancelled");
        assertThat(pendingDeadLetters()).isEmpty();
        assertThat(suite.run("dlq", "redrive", GROUP).output()).contains("re-drove 0 events");
    }

    // --- helpers ---

    private static List<String> faultyOrders() {
        List<String> faulty = new ArrayList<>(faultyPaid);
        faulty.add(faultyDeclined);
        return faulty;
    }

    /** The lines of {@code ./suite dlq list} about this drill's orders. */
    private static List<String> deadLetters() {
        Suite.Result list = suite.run("dlq", "list", GROUP);
        assertThat(list.exitCode()).as(list.output()).isZero();
        return list.output().lines()
                .filter(line -> faultyOrders().stream().anyMatch(line::contains))
                .toList();
    }

    private static List<String> pendingDeadLetters() {
        return pending(deadLetters());
    }

    private static List<String> pending(List<String> deadLetters) {
        return deadLetters.stream().filter(line -> line.contains(" PENDING ")).toList();
    }

    /** Stops inventory-service and starts it again with the given environment: a release, or its rollback. */
    private static void restartInventory(Map<String, String> environment) {
        assertThat(suite.run("down", GROUP).exitCode()).isZero();
        Suite.Result up = suite.run(environment, "up");
        assertThat(up.exitCode()).as(up.output()).isZero();
    }
}

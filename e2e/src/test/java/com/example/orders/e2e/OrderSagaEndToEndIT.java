package com.example.orders.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every path of the order saga (CONTRACT §2–§3) on the real suite: the broker, PostgreSQL, the five service jars, the
 * payment-provider simulator and the SMTP sink, started once for all end-to-end classes ({@link RunningSuite}) and
 * driven over HTTP. Each scenario checks what the customer sees (the order's final state) and what the world sees
 * (stock, the provider's books, the emails); every order must end CONFIRMED or CANCELLED.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrderSagaEndToEndIT {

    private static final Duration SAGA = Duration.ofSeconds(60);
    private static final Set<String> FINAL = Set.of("CONFIRMED", "CANCELLED");

    static Suite suite;
    static Api api;
    static String alice;

    @BeforeAll
    static void theSuiteRuns() {
        suite = RunningSuite.suite();
        api = RunningSuite.api();
        alice = api.customerToken("alice");
    }

    @Test
    @Order(1)
    void aPaidOrderIsConfirmedSoldOnceChargedOnceAndEmailedOnce() {
        String sku = stocked(10, "4.50");

        String orderId = api.place(alice, sku, 2, "tok_ok");

        JsonNode order = awaitFinal(orderId);
        assertThat(order.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(order.get("total").get("amount").asText()).isEqualTo("9.00");
        assertThat(order.get("timeline").findValuesAsText("step")).containsSubsequence("PLACED", "STOCK_RESERVED",
                "PAYMENT_CAPTURED", "CONFIRMED");
        awaitStock(sku, 8, 0);
        assertThat(api.ledgerOf(orderId).get("captures")).hasSize(1);
        awaitExactlyOneEmail(orderId, "confirmed");
    }

    @Test
    @Order(2)
    void anOrderBeyondTheShelfIsCancelledOutOfStockAndNothingIsTaken() {
        String sku = stocked(1, "3.00");

        String orderId = api.place(alice, sku, 2, "tok_ok");

        assertCancelled(orderId, "OUT_OF_STOCK");
        awaitStock(sku, 1, 0);
        assertNoCaptureStanding(orderId);
        awaitExactlyOneEmail(orderId, "cancelled");
    }

    @Test
    @Order(3)
    void anOrderForAProductNotInTheCatalogueIsCancelledUnknownSku() {
        String orderId = api.place(alice, "SKU-NOT-" + shortId(), 1, "tok_ok");

        assertCancelled(orderId, "UNKNOWN_SKU");
        assertNoCaptureStanding(orderId);
    }

    @Test
    @Order(4)
    void aDeclinedPaymentCancelsTheOrderAndPutsTheStockBack() {
        String sku = stocked(5, "2.00");

        String orderId = api.place(alice, sku, 3, "tok_declined");

        assertCancelled(orderId, "PAYMENT_DECLINED");
        awaitStock(sku, 5, 0);
        assertThat(api.ledgerOf(orderId).get("declines")).hasSize(1);
        assertNoCaptureStanding(orderId);
    }

    @Test
    @Order(5)
    void aCancelBeforeTheStockIsReservedReservesNothing() {
        String sku = stocked(5, "2.00");
        suite.run("down", "inventory-service");
        try {
            String orderId = api.place(alice, sku, 2, "tok_ok");
            assertThat(api.order(orderId).get("status").asText()).isEqualTo("PENDING");

            assertThat(api.cancel(alice, orderId)).isEqualTo(202);

            assertThat(suite.up().exitCode()).isZero();
            assertCancelled(orderId, "CUSTOMER_CANCELLED");
            awaitStock(sku, 5, 0);
            assertNoCaptureStanding(orderId);
        } finally {
            suite.up();
        }
    }

    @Test
    @Order(6)
    void aCancelAfterTheStockIsReservedPutsItBack() {
        String sku = stocked(5, "2.00");
        suite.run("down", "payment-service");
        try {
            String orderId = api.place(alice, sku, 2, "tok_ok");
            await().atMost(SAGA).until(() -> "STOCK_RESERVED".equals(api.order(orderId).get("status").asText()));

            assertThat(api.cancel(alice, orderId)).isEqualTo(202);

            assertThat(suite.up().exitCode()).isZero();
            assertCancelled(orderId, "CUSTOMER_CANCELLED");
            awaitStock(sku, 5, 0);
            awaitNoCaptureStanding(orderId);
        } finally {
            suite.up();
        }
    }

    @Test
    @Order(7)
    void aCancelRacingTheCaptureIsRefunded() {
        String sku = stocked(5, "2.00");
        // tok_slow: the provider takes 3 s to capture, and the cancel lands meanwhile
        String orderId = api.place(alice, sku, 1, "tok_slow");
        await().atMost(SAGA).until(() -> "STOCK_RESERVED".equals(api.order(orderId).get("status").asText()));
        await().atMost(SAGA).until(() -> api.ledgerOf(orderId).get("requests").asInt() > 0);

        assertThat(api.cancel(alice, orderId)).as("accepted while the order is not yet confirmed").isEqualTo(202);

        assertCancelled(orderId, "CUSTOMER_CANCELLED");
        await().atMost(SAGA).untilAsserted(() -> {
            JsonNode ledger = api.ledgerOf(orderId);
            assertThat(ledger.get("captures")).as("the provider captured anyway").hasSize(1);
            assertThat(ledger.get("refunds")).as("and gave it back").hasSize(1);
        });
        awaitStock(sku, 5, 0);
    }

    @Test
    @Order(8)
    void aConfirmedOrderCannotBeCancelled() {
        String sku = stocked(5, "2.00");
        String orderId = api.place(alice, sku, 1, "tok_ok");
        assertThat(awaitFinal(orderId).get("status").asText()).isEqualTo("CONFIRMED");

        assertThat(api.cancel(alice, orderId)).isEqualTo(409);
        assertThat(api.order(orderId).get("status").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    @Order(9)
    void theSameCloudEventTwiceHasOneEffectAndAPoisonRecordGoesToTheDeadLetterTopic() {
        String sku = stocked(10, "1.00");
        String orderId = api.place(alice, sku, 2, "tok_ok");
        assertThat(awaitFinal(orderId).get("status").asText()).isEqualTo("CONFIRMED");

        try (Broker broker = new Broker(suite.kafkaBootstrapServers())) {
            broker.redeliver("orders.order-created.v1", orderId, List.of("inventory-service", "payment-service"));
            broker.redeliver("orders.order-confirmed.v1", orderId, List.of("notification-service",
                    "inventory-service"));
            String poison = broker.sendPoison("orders.order-created.v1");
            await().atMost(SAGA).until(() -> broker.hasRecordWithKey("inventory-service.dlq", poison));
            await().atMost(SAGA).until(() -> broker.hasRecordWithKey("payment-service.dlq", poison));
        }

        awaitStock(sku, 8, 0);
        assertThat(api.ledgerOf(orderId).get("captures")).hasSize(1);
        assertThat(api.emailsAbout(orderId)).hasSize(1);
        String next = api.place(alice, sku, 1, "tok_ok");
        assertThat(awaitFinal(next).get("status").asText()).as("the consumers carried on").isEqualTo("CONFIRMED");
    }

    @Test
    @Order(10)
    void twoHundredConcurrentOrdersForFiftyUnitsConfirmExactlyFifty() {
        String sku = stocked(50, "1.00");

        List<String> orderIds = placeAll(IntStream.range(0, 200)
                .mapToObj(i -> api.placeAsync(alice, sku, 1, "tok_ok"))
                .toList());

        Map<String, JsonNode> finals = awaitAllFinal(orderIds);
        long confirmed = finals.values().stream().filter(o -> o.get("status").asText().equals("CONFIRMED")).count();
        assertThat(confirmed).isEqualTo(50);
        assertThat(finals.values().stream().filter(o -> o.get("status").asText().equals("CANCELLED"))
                .map(o -> o.get("reason").asText())).containsOnly("OUT_OF_STOCK");
        awaitStock(sku, 0, 0);
        assertEveryConfirmedOrderChargedOnceAndNoOtherCharged(finals);
    }

    @Test
    @Order(11)
    void aProviderOutageInTheMiddleOfThirtyOrdersDelaysThemAndChargesEachOnce() throws InterruptedException {
        String sku = stocked(100, "1.00");
        List<CompletableFuture<Api.Answer>> placed = new ArrayList<>();
        IntStream.range(0, 10).forEach(i -> placed.add(api.placeAsync(alice, sku, 1, "tok_ok")));

        assertThat(suite.run("down", "payment-provider").exitCode()).isZero();
        IntStream.range(0, 20).forEach(i -> placed.add(api.placeAsync(alice, sku, 1, "tok_ok")));
        Thread.sleep(20_000);
        assertThat(suite.up().exitCode()).isZero();

        Map<String, JsonNode> finals = awaitAllFinal(placeAll(placed));
        assertThat(finals.values()).allSatisfy(order -> assertThat(order.get("status").asText())
                .isEqualTo("CONFIRMED"));
        assertThat(finals.keySet()).allSatisfy(orderId -> assertThat(api.ledgerOf(orderId).get("captures"))
                .as("captures of order %s", orderId).hasSize(1));
        awaitStock(sku, 70, 0);
    }

    @Test
    @Order(12)
    void killingInventoryServiceMidBurstLosesNoOrderAndOversellsNothing() {
        killMidBurst("inventory-service");
    }

    @Test
    @Order(13)
    void killingPaymentServiceMidBurstLosesNoOrderAndChargesNothingTwice() {
        killMidBurst("payment-service");
    }

    private void killMidBurst(String service) {
        String sku = stocked(30, "1.00");
        List<CompletableFuture<Api.Answer>> placed = new ArrayList<>();
        IntStream.range(0, 20).forEach(i -> placed.add(api.placeAsync(alice, sku, 1, "tok_ok")));

        suite.kill9(service);
        IntStream.range(0, 20).forEach(i -> placed.add(api.placeAsync(alice, sku, 1, "tok_ok")));
        assertThat(suite.up().exitCode()).isZero();

        Map<String, JsonNode> finals = awaitAllFinal(placeAll(placed));
        long confirmed = finals.values().stream().filter(o -> o.get("status").asText().equals("CONFIRMED")).count();
        assertThat(confirmed).isEqualTo(30);
        awaitStock(sku, 0, 0);
        assertEveryConfirmedOrderChargedOnceAndNoOtherCharged(finals);
    }

    // --- helpers ---

    private static String stocked(int available, String unitPrice) {
        String sku = "SKU-" + shortId();
        api.stock(sku, available, unitPrice);
        return sku;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static List<String> placeAll(List<CompletableFuture<Api.Answer>> placed) {
        return placed.stream().map(CompletableFuture::join).map(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
            return answer.body().get("orderId").asText();
        }).toList();
    }

    private static JsonNode awaitFinal(String orderId) {
        await().atMost(SAGA).until(() -> FINAL.contains(api.order(orderId).get("status").asText()));
        return api.order(orderId);
    }

    private static Map<String, JsonNode> awaitAllFinal(List<String> orderIds) {
        Map<String, JsonNode> finals = new HashMap<>();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            for (String orderId : orderIds) {
                if (!finals.containsKey(orderId)) {
                    JsonNode order = api.order(orderId);
                    if (FINAL.contains(order.get("status").asText())) {
                        finals.put(orderId, order);
                    }
                }
            }
            return finals.size() == orderIds.size();
        });
        return finals;
    }

    private static void assertCancelled(String orderId, String reason) {
        JsonNode order = awaitFinal(orderId);
        assertThat(order.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(order.get("reason").asText()).isEqualTo(reason);
    }

    private static void awaitStock(String sku, int available, int reserved) {
        await().atMost(SAGA).untilAsserted(() -> {
            JsonNode stock = api.stockOf(sku);
            assertThat(stock.get("available").asInt()).as("available " + sku).isEqualTo(available);
            assertThat(stock.get("reserved").asInt()).as("reserved " + sku).isEqualTo(reserved);
        });
    }

    private static void assertNoCaptureStanding(String orderId) {
        JsonNode ledger = api.ledgerOf(orderId);
        assertThat(ledger.get("captures").size() - ledger.get("refunds").size()).as("captures left standing")
                .isZero();
    }

    private static void awaitNoCaptureStanding(String orderId) {
        await().atMost(SAGA).untilAsserted(() -> assertNoCaptureStanding(orderId));
    }

    private static void assertEveryConfirmedOrderChargedOnceAndNoOtherCharged(Map<String, JsonNode> finals) {
        finals.forEach((orderId, order) -> {
            if (order.get("status").asText().equals("CONFIRMED")) {
                JsonNode ledger = api.ledgerOf(orderId);
                assertThat(ledger.get("captures")).as("captures of confirmed order %s", orderId).hasSize(1);
                assertThat(ledger.get("refunds")).as("refunds of confirmed order %s", orderId).isEmpty();
            } else {
                awaitNoCaptureStanding(orderId);
            }
        });
    }

    private static void awaitExactlyOneEmail(String orderId, String subjectWord) {
        await().atMost(SAGA).until(() -> api.emailsAbout(orderId).size() == 1);
        assertThat(api.emailsAbout(orderId).get(0).get("subject").asText()).contains(subjectWord);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> api.emailsAbout(orderId).size() == 1);
        assertThat(api.notificationsOf(orderId)).hasSize(1);
    }
}

package com.example.orders.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every path of the order saga (docs/contract.md §2–§3) on the real suite: the broker, PostgreSQL, the five service
 * jars, the payment-provider simulator and the SMTP sink, started once for all end-to-end classes
 * ({@link RunningSuite}) and driven over HTTP. Each scenario checks what the customer sees (the order's final state)
 * and what the world sees (stock, the provider's books, the emails); every order must end CONFIRMED or CANCELLED.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrderSagaEndToEndIT {

    private static final Duration SAGA = Outcomes.SAGA;

    static Suite suite;
    static Api api;
    static String alice;
    static Outcomes saga;

    @BeforeAll
    static void theSuiteRuns() {
        suite = RunningSuite.suite();
        api = RunningSuite.api();
        alice = api.customerToken("alice");
        saga = new Outcomes(api);
    }

    @Test
    @Order(1)
    void aPaidOrderIsConfirmedSoldOnceChargedOnceAndEmailedOnce() {
        String sku = saga.stocked(10, "4.50");

        String orderId = api.place(alice, sku, 2, "tok_ok");

        JsonNode order = saga.awaitFinal(orderId);
        assertThat(order.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(order.get("total").get("amount").asText()).isEqualTo("9.00");
        assertThat(order.get("timeline").findValuesAsText("step")).containsSubsequence("PLACED", "STOCK_RESERVED",
                "PAYMENT_CAPTURED", "CONFIRMED");
        saga.awaitStock(sku, 8, 0);
        assertThat(api.ledgerOf(orderId).get("captures")).hasSize(1);
        saga.awaitExactlyOneEmail(orderId, "confirmed");
    }

    @Test
    @Order(2)
    void anOrderBeyondTheShelfIsCancelledOutOfStockAndNothingIsTaken() {
        String sku = saga.stocked(1, "3.00");

        String orderId = api.place(alice, sku, 2, "tok_ok");

        saga.assertCancelled(orderId, "OUT_OF_STOCK");
        saga.awaitStock(sku, 1, 0);
        saga.assertNoCaptureStanding(orderId);
        saga.awaitExactlyOneEmail(orderId, "cancelled");
    }

    @Test
    @Order(3)
    void anOrderForAProductNotInTheCatalogueIsCancelledUnknownSku() {
        String orderId = api.place(alice, "SKU-NOT-" + saga.shortId(), 1, "tok_ok");

        saga.assertCancelled(orderId, "UNKNOWN_SKU");
        saga.assertNoCaptureStanding(orderId);
    }

    @Test
    @Order(4)
    void aDeclinedPaymentCancelsTheOrderAndPutsTheStockBack() {
        String sku = saga.stocked(5, "2.00");

        String orderId = api.place(alice, sku, 3, "tok_declined");

        saga.assertCancelled(orderId, "PAYMENT_DECLINED");
        saga.awaitStock(sku, 5, 0);
        assertThat(api.ledgerOf(orderId).get("declines")).hasSize(1);
        saga.assertNoCaptureStanding(orderId);
    }

    @Test
    @Order(5)
    void aCancelBeforeTheStockIsReservedReservesNothing() {
        String sku = saga.stocked(5, "2.00");
        suite.run("down", "inventory-service");
        try {
            String orderId = api.place(alice, sku, 2, "tok_ok");
            assertThat(api.order(orderId).get("status").asText()).isEqualTo("PENDING");

            assertThat(api.cancel(alice, orderId)).isEqualTo(202);

            assertThat(suite.up().exitCode()).isZero();
            saga.assertCancelled(orderId, "CUSTOMER_CANCELLED");
            saga.awaitStock(sku, 5, 0);
            saga.assertNoCaptureStanding(orderId);
        } finally {
            suite.up();
        }
    }

    @Test
    @Order(6)
    void aCancelAfterTheStockIsReservedPutsItBack() {
        String sku = saga.stocked(5, "2.00");
        suite.run("down", "payment-service");
        try {
            String orderId = api.place(alice, sku, 2, "tok_ok");
            await().atMost(SAGA).until(() -> "STOCK_RESERVED".equals(api.order(orderId).get("status").asText()));

            assertThat(api.cancel(alice, orderId)).isEqualTo(202);

            assertThat(suite.up().exitCode()).isZero();
            saga.assertCancelled(orderId, "CUSTOMER_CANCELLED");
            saga.awaitStock(sku, 5, 0);
            saga.awaitNoCaptureStanding(orderId);
        } finally {
            suite.up();
        }
    }

    @Test
    @Order(7)
    void aCancelRacingTheCaptureIsRefunded() {
        String sku = saga.stocked(5, "2.00");
        // tok_slow: the provider takes 3 s to capture, and the cancel lands meanwhile
        String orderId = api.place(alice, sku, 1, "tok_slow");
        await().atMost(SAGA).until(() -> "STOCK_RESERVED".equals(api.order(orderId).get("status").asText()));
        await().atMost(SAGA).until(() -> api.ledgerOf(orderId).get("requests").asInt() > 0);

        assertThat(api.cancel(alice, orderId)).as("accepted while the order is not yet confirmed").isEqualTo(202);

        saga.assertCancelled(orderId, "CUSTOMER_CANCELLED");
        await().atMost(SAGA).untilAsserted(() -> {
            JsonNode ledger = api.ledgerOf(orderId);
            assertThat(ledger.get("captures")).as("the provider captured anyway").hasSize(1);
            assertThat(ledger.get("refunds")).as("and gave it back").hasSize(1);
        });
        saga.awaitStock(sku, 5, 0);
    }

    @Test
    @Order(8)
    void aConfirmedOrderCannotBeCancelled() {
        String sku = saga.stocked(5, "2.00");
        String orderId = api.place(alice, sku, 1, "tok_ok");
        assertThat(saga.awaitFinal(orderId).get("status").asText()).isEqualTo("CONFIRMED");

        assertThat(api.cancel(alice, orderId)).isEqualTo(409);
        assertThat(api.order(orderId).get("status").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    @Order(9)
    void theSameCloudEventTwiceHasOneEffectAndAPoisonRecordGoesToTheDeadLetterTopic() {
        String sku = saga.stocked(10, "1.00");
        String orderId = api.place(alice, sku, 2, "tok_ok");
        assertThat(saga.awaitFinal(orderId).get("status").asText()).isEqualTo("CONFIRMED");

        try (Broker broker = new Broker(suite.kafkaBootstrapServers())) {
            broker.redeliver("orders.order-created.v1", orderId, List.of("inventory-service", "payment-service"));
            broker.redeliver("orders.order-confirmed.v1", orderId, List.of("notification-service",
                    "inventory-service", "loyalty-service"));
            String poison = broker.sendPoison("orders.order-created.v1");
            await().atMost(SAGA).until(() -> broker.hasRecordWithKey("inventory-service.dlq", poison));
            await().atMost(SAGA).until(() -> broker.hasRecordWithKey("payment-service.dlq", poison));
            // the consumer a new team added has its dead-letter topic, and on-call's tools know its group
            String poisonConfirm = broker.sendPoison("orders.order-confirmed.v1");
            await().atMost(SAGA).until(() -> broker.hasRecordWithKey("loyalty-service.dlq", poisonConfirm));
            Suite.Result letters = suite.run("dlq", "list", "loyalty-service");
            assertThat(letters.exitCode()).as(letters.output()).isZero();
            assertThat(letters.output().lines().filter(line -> line.contains(poisonConfirm)))
                    .singleElement().asString().contains(" PENDING ");
        }

        saga.awaitStock(sku, 8, 0);
        assertThat(api.ledgerOf(orderId).get("captures")).hasSize(1);
        assertThat(api.emailsAbout(orderId)).hasSize(1);
        assertThat(api.loyaltyOf("alice").path("entries")).filteredOn(entry -> entry.get("orderId").asText()
                .equals(orderId)).as("points granted once for the confirm delivered twice").singleElement()
                .satisfies(entry -> assertThat(entry.get("kind").asText()).isEqualTo("GRANTED"));
        String next = api.place(alice, sku, 1, "tok_ok");
        assertThat(saga.awaitFinal(next).get("status").asText()).as("the consumers carried on").isEqualTo("CONFIRMED");
    }

    @Test
    @Order(10)
    void twoHundredConcurrentOrdersForFiftyUnitsConfirmExactlyFifty() {
        String sku = saga.stocked(50, "1.00");

        List<String> orderIds = saga.placeAll(IntStream.range(0, 200)
                .mapToObj(i -> api.placeAsync(alice, sku, 1, "tok_ok"))
                .toList());

        Map<String, JsonNode> finals = saga.awaitAllFinal(orderIds);
        long confirmed = finals.values().stream().filter(o -> o.get("status").asText().equals("CONFIRMED")).count();
        assertThat(confirmed).isEqualTo(50);
        assertThat(finals.values().stream().filter(o -> o.get("status").asText().equals("CANCELLED"))
                .map(o -> o.get("reason").asText())).containsOnly("OUT_OF_STOCK");
        saga.awaitStock(sku, 0, 0);
        saga.assertEveryConfirmedOrderChargedOnceAndNoOtherCharged(finals);
    }

    @Test
    @Order(11)
    void aProviderOutageInTheMiddleOfThirtyOrdersDelaysThemAndChargesEachOnce() throws InterruptedException {
        String sku = saga.stocked(100, "1.00");
        List<CompletableFuture<Api.Answer>> placed = new ArrayList<>();
        IntStream.range(0, 10).forEach(i -> placed.add(api.placeAsync(alice, sku, 1, "tok_ok")));

        assertThat(suite.run("down", "payment-provider").exitCode()).isZero();
        IntStream.range(0, 20).forEach(i -> placed.add(api.placeAsync(alice, sku, 1, "tok_ok")));
        Thread.sleep(20_000);
        assertThat(suite.up().exitCode()).isZero();

        Map<String, JsonNode> finals = saga.awaitAllFinal(saga.placeAll(placed));
        assertThat(finals.values()).allSatisfy(order -> assertThat(order.get("status").asText())
                .isEqualTo("CONFIRMED"));
        assertThat(finals.keySet()).allSatisfy(orderId -> assertThat(api.ledgerOf(orderId).get("captures"))
                .as("captures of order %s", orderId).hasSize(1));
        saga.awaitStock(sku, 70, 0);
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
        String sku = saga.stocked(30, "1.00");
        List<CompletableFuture<Api.Answer>> placed = new ArrayList<>();
        IntStream.range(0, 20).forEach(i -> placed.add(api.placeAsync(alice, sku, 1, "tok_ok")));

        suite.kill9(service);
        IntStream.range(0, 20).forEach(i -> placed.add(api.placeAsync(alice, sku, 1, "tok_ok")));
        assertThat(suite.up().exitCode()).isZero();

        Map<String, JsonNode> finals = saga.awaitAllFinal(saga.placeAll(placed));
        assertThat(finals.values()).as("orders cancelled for another reason than stock (with their timelines)")
                .filteredOn(order -> !order.get("status").asText().equals("CONFIRMED"))
                .allSatisfy(order -> assertThat(order.get("reason").asText()).as(order.toPrettyString())
                        .isEqualTo("OUT_OF_STOCK"));
        long confirmed = finals.values().stream().filter(o -> o.get("status").asText().equals("CONFIRMED")).count();
        assertThat(confirmed).isEqualTo(30);
        saga.awaitStock(sku, 0, 0);
        saga.assertEveryConfirmedOrderChargedOnceAndNoOtherCharged(finals);
    }
}

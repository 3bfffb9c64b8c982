package com.example.orders.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import com.example.orders.console.api.OperatorSession;
import com.example.orders.events.EventEnvelope;
import com.example.orders.events.EventSerde;
import com.example.orders.events.EventType;
import com.example.orders.events.v1.Money;
import com.example.orders.events.v1.OrderConfirmedV1;
import com.example.orders.events.v1.OrderCreatedV1;
import com.example.orders.events.v1.OrderLine;
import com.example.orders.events.v1.PaymentCapturedV1;
import com.example.orders.events.v1.PricedLine;
import com.example.orders.events.v1.StockReservedV1;
import com.example.orders.testsupport.RealInfrastructure;
import com.example.orders.testsupport.TestInfrastructure;
import com.example.orders.testsupport.TestTokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The console reads every topic into its own journal and shows an order's journey from it: each event once, after its
 * cause, with who produced it, where it was read and its trace; and finds the order by its id or its customer.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = "service", value = "console-service"))
class OrderJourneyIT {

    private static final Pattern STEP = Pattern.compile("data-type=\"([^\"]+)\" data-event-id=\"([^\"]+)\"");

    private final String session = TestTokens.admin("olivia");

    @Test
    void showsEveryEventOfAnOrderOnceInCausalOrderWithItsProducerPositionAndTrace() {
        String orderId = UUID.randomUUID().toString();
        String customer = "customer-" + orderId.substring(0, 8);
        List<Sent> saga = aConfirmedSaga(orderId, customer);
        // the confirm first, on its own topic, and the creation twice, as a relay that crashed before its delete sends
        try (KafkaCompanion kafka = new KafkaCompanion(TestInfrastructure.kafka().bootstrapServers())) {
            kafka.produce(String.class, byte[].class).fromRecords(saga.get(3).record(), saga.get(1).record(),
                    saga.get(0).record(), saga.get(2).record(), saga.get(0).record()).awaitCompletion();
        }

        String page = await().atMost(Duration.ofSeconds(30)).until(() -> orderPage(orderId),
                html -> steps(html).size() == 4 && html.contains("id=\"order-state\">CONFIRMED"));

        assertThat(steps(page)).containsExactly(saga.stream().map(Sent::ceIdAndType).toArray(String[]::new));
        assertThat(page).contains("by order-service", "by inventory-service", "by payment-service")
                .contains("orders.order-created.v1/").contains("inventory.stock-reserved.v1/")
                .contains("#1 OrderCreated").contains("#2 StockReserved").contains("#3 PaymentCaptured")
                .contains("request request-" + orderId.substring(0, 8))
                .contains(saga.get(0).traceId());

        // the console's own group commits past each event once it has journalled it; no other service runs here
        String delivered = await().atMost(Duration.ofSeconds(30)).until(() -> orderPage(orderId),
                html -> count(html, "data-group=\"console-service\" data-state=\"APPLIED\"") == 4);
        assertThat(count(delivered, "data-group=\"inventory-service\" data-state=\"NOT_YET\"")).as(
                "inventory-service reads OrderCreated and OrderConfirmed, and has not run").isEqualTo(2);
        assertThat(count(delivered, "data-group=\"order-service\" data-state=\"NOT_YET\"")).as(
                "order-service reads StockReserved and PaymentCaptured").isEqualTo(2);
    }

    private static long count(String page, String text) {
        return Pattern.compile(Pattern.quote(text)).matcher(page).results().count();
    }

    @Test
    void findsAnOrderByItsIdOrItsCustomer() {
        String orderId = UUID.randomUUID().toString();
        String customer = "customer-" + orderId.substring(0, 8);
        try (KafkaCompanion kafka = new KafkaCompanion(TestInfrastructure.kafka().bootstrapServers())) {
            kafka.produce(String.class, byte[].class).fromRecords(aConfirmedSaga(orderId, customer).get(0).record())
                    .awaitCompletion();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> steps(orderPage(orderId)).size() == 1);

        given().cookie(OperatorSession.COOKIE, session).redirects().follow(false).queryParam("q", orderId)
                .get("/console/orders").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/console/orders/" + orderId));
        assertThat(given().cookie(OperatorSession.COOKIE, session).queryParam("q", customer).get("/console/orders")
                .then().statusCode(200).extract().asString()).contains("/console/orders/" + orderId);
        assertThat(given().cookie(OperatorSession.COOKIE, session).queryParam("q", orderId.substring(0, 13))
                .get("/console/orders").then().statusCode(200).extract().asString())
                .contains("/console/orders/" + orderId);
        given().cookie(OperatorSession.COOKIE, session).get("/console/orders/" + UUID.randomUUID()).then()
                .statusCode(404);
    }

    private String orderPage(String orderId) {
        return given().cookie(OperatorSession.COOKIE, session).get("/console/orders/" + orderId).then().extract()
                .asString();
    }

    /** {@code ce_id type} of each step shown, in the page's order. */
    private static List<String> steps(String page) {
        List<String> steps = new ArrayList<>();
        Matcher step = STEP.matcher(page);
        while (step.find()) {
            steps.add(step.group(2) + " " + step.group(1));
        }
        return steps;
    }

    private record Sent(EventEnvelope envelope, Record payload) {

        ProducerRecord<String, byte[]> record() {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(envelope.type().topic(), envelope.subject(),
                    EventSerde.serialize(payload));
            envelope.writeTo(record.headers());
            return record;
        }

        String ceIdAndType() {
            return envelope.id() + " " + envelope.type().ceType();
        }

        String traceId() {
            return envelope.traceparent().split("-")[1];
        }
    }

    /**
     * A confirmed order's four facts, each caused by the one before, in one trace; inventory's clock runs behind, so
     * its reservation looks older than the order it answers.
     */
    private static List<Sent> aConfirmedSaga(String orderId, String customer) {
        Instant placed = Instant.now();
        String traceparent = "00-" + UUID.randomUUID().toString().replace("-", "") + "-00f067aa0ba902b7-01";
        Money total = Money.of("19.98", "EUR");
        EventEnvelope created = EventEnvelope.startingSaga("/order-service", EventType.ORDER_CREATED, orderId,
                placed, "request-" + orderId.substring(0, 8)).withTraceparent(traceparent);
        EventEnvelope reserved = EventEnvelope.causedBy(created, "/inventory-service", EventType.STOCK_RESERVED,
                placed.minusMillis(50));
        EventEnvelope captured = EventEnvelope.causedBy(reserved, "/payment-service", EventType.PAYMENT_CAPTURED,
                placed.plusMillis(30));
        EventEnvelope confirmed = EventEnvelope.causedBy(captured, "/order-service", EventType.ORDER_CONFIRMED,
                placed.plusMillis(40));
        return List.of(
                new Sent(created, new OrderCreatedV1(orderId, customer, customer + "@example.com",
                        List.of(new OrderLine("SKU-1", 2)), "tok_ok", placed)),
                new Sent(reserved, new StockReservedV1(orderId, List.of(new PricedLine("SKU-1", 2,
                        Money.of("9.99", "EUR"))), total, placed)),
                new Sent(captured, new PaymentCapturedV1(orderId, "pay-1", total, placed)),
                new Sent(confirmed, new OrderConfirmedV1(orderId, customer, customer + "@example.com", total,
                        placed)));
    }
}

package com.example.orders.order;

import static com.example.orders.testsupport.EventTraffic.awaitOne;
import static com.example.orders.testsupport.EventTraffic.reply;
import static com.example.orders.testsupport.EventTraffic.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.example.orders.events.DeadLetterHeaders;
import com.example.orders.events.EventEnvelope;
import com.example.orders.events.EventSerde;
import com.example.orders.events.Topics;
import com.example.orders.events.v1.CancellationReason;
import com.example.orders.events.v1.Money;
import com.example.orders.events.v1.OrderCancelledV1;
import com.example.orders.events.v1.OrderConfirmedV1;
import com.example.orders.events.v1.PaymentCapturedV1;
import com.example.orders.events.v1.StockRejectedV1;
import com.example.orders.events.v1.StockRejectionReason;
import com.example.orders.operations.TopicRecords;
import com.example.orders.order.application.CancellingOrders;
import com.example.orders.order.application.PlacingOrders;
import com.example.orders.order.domain.Order;
import com.example.orders.order.domain.OrderAlreadyFinal;
import com.example.orders.order.domain.OrderItem;
import com.example.orders.order.domain.OrderStatus;
import com.example.orders.order.infrastructure.persistence.Orders;
import com.example.orders.platform.commit.AfterCommit;
import com.example.orders.platform.inbox.AppliedEvents;
import com.example.orders.testsupport.ContractEvents;
import com.example.orders.testsupport.InSession;
import com.example.orders.testsupport.RealInfrastructure;
import com.example.orders.testsupport.TestInfrastructure;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** order-service's part of the saga over real Kafka and PostgreSQL: inventory and payment are played by the test. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = "service", value = "order-service"))
class OrderSagaIT {

    private static final Money TOTAL = Money.of("19.98", "EUR");

    @Inject
    PlacingOrders placing;

    @Inject
    CancellingOrders cancelling;

    @Inject
    Orders orders;

    @Inject
    AppliedEvents appliedEvents;

    @Test
    void confirmsAnOrderWhoseStockIsReservedAndPaymentCapturedOnce() {
        Order order = place();
        EventEnvelope created = awaitOne(Topics.ORDER_CREATED_V1, order.id());

        ContractEvents.Sent reserved = reply(created, ContractEvents.stockReserved(order.id()));
        ContractEvents.Sent captured = reply(created,
                new PaymentCapturedV1(order.id(), "pay-1", TOTAL, Instant.now()));
        // behind the duplicate on the same partition: once it is applied, the duplicate has been too
        ContractEvents.Sent later = reply(created, new PaymentCapturedV1(order.id(), "pay-2", TOTAL, Instant.now()));
        send(reserved);
        await().atMost(Duration.ofSeconds(20)).until(() -> statusOf(order.id()) == OrderStatus.STOCK_RESERVED);
        send(captured, captured, later);

        await().atMost(Duration.ofSeconds(20)).until(() -> applied(later.envelope().id()));
        assertThat(statusOf(order.id())).isEqualTo(OrderStatus.CONFIRMED);
        EventEnvelope confirmed = awaitOne(Topics.ORDER_CONFIRMED_V1, order.id());
        assertThat(confirmed.correlationId()).isEqualTo(created.correlationId());
        assertThat(confirmed.causation()).contains(captured.envelope().id());
        ConsumerRecord<String, byte[]> record = TopicRecords.withKey(kafka(), Topics.ORDER_CONFIRMED_V1, order.id())
                .get(0);
        assertThat(EventSerde.deserialize(record.value(), OrderConfirmedV1.class).total()).isEqualTo(TOTAL);
        assertThat(timelineOf(order.id())).containsSubsequence("PLACED", "STOCK_RESERVED", "PAYMENT_CAPTURED",
                "CONFIRMED");
    }

    @Test
    void cancelsAnOrderWhoseStockIsShort() {
        Order order = place();
        EventEnvelope created = awaitOne(Topics.ORDER_CREATED_V1, order.id());

        send(reply(created, new StockRejectedV1(order.id(), StockRejectionReason.OUT_OF_STOCK, List.of("SKU-1"),
                Instant.now())));

        await().atMost(Duration.ofSeconds(20)).until(() -> statusOf(order.id()) == OrderStatus.CANCELLED);
        awaitOne(Topics.ORDER_CANCELLED_V1, order.id());
        OrderCancelledV1 cancelled = EventSerde.deserialize(TopicRecords.withKey(kafka(), Topics.ORDER_CANCELLED_V1,
                order.id()).get(0).value(), OrderCancelledV1.class);
        assertThat(cancelled.reason()).isEqualTo(CancellationReason.OUT_OF_STOCK);
        assertThat(cancelled.gaveUpWaitingFor()).as("inventory decided: not a give-up").isNull();
    }

    @Test
    void aCustomerCancelEndsTheOrderAndAsksForCompensationInItsSaga() {
        Order order = place();
        EventEnvelope created = awaitOne(Topics.ORDER_CREATED_V1, order.id());

        Order cancelled = InSession
                .await(() -> AfterCommit.inTransaction(() -> cancelling.cancel(order.id(), "customer-1", "request-1")));

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        EventEnvelope requested = awaitOne(Topics.ORDER_CANCEL_REQUESTED_V1, order.id());
        EventEnvelope cancelledEvent = awaitOne(Topics.ORDER_CANCELLED_V1, order.id());
        assertThat(List.of(requested.correlationId(), cancelledEvent.correlationId()))
                .containsOnly(created.correlationId());
        OrderCancelledV1 payload = EventSerde.deserialize(TopicRecords.withKey(kafka(), Topics.ORDER_CANCELLED_V1,
                order.id()).get(0).value(), OrderCancelledV1.class);
        assertThat(payload.reason()).isEqualTo(CancellationReason.CUSTOMER_CANCELLED);
    }

    @Test
    void refusesToCancelAConfirmedOrder() {
        Order order = place();
        EventEnvelope created = awaitOne(Topics.ORDER_CREATED_V1, order.id());
        send(reply(created, new PaymentCapturedV1(order.id(), "pay-1", TOTAL, Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> statusOf(order.id()) == OrderStatus.CONFIRMED);
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .containsPattern("saga_outcomes_total\\{[^}]*outcome=\"confirmed\"[^}]*} [1-9]");

        assertThatThrownBy(
                () -> InSession.await(
                        () -> AfterCommit
                                .inTransaction(() -> cancelling.cancel(order.id(), "customer-1", "request-1"))))
                .isInstanceOf(OrderAlreadyFinal.class);
        assertThat(statusOf(order.id())).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void sendsAFactAboutAnOrderItNeverTookToItsDeadLetterTopicWithTheReason() {
        String unknownOrder = UUID.randomUUID().toString();

        send(ContractEvents.asSent(unknownOrder, ContractEvents.stockReserved(unknownOrder)));

        await().atMost(Duration.ofSeconds(20)).until(() -> !TopicRecords.withKey(kafka(), "order-service.dlq",
                unknownOrder).isEmpty());
        ConsumerRecord<String, byte[]> deadLetter = TopicRecords.withKey(kafka(), "order-service.dlq", unknownOrder)
                .get(0);
        assertThat(new String(deadLetter.headers().lastHeader(DeadLetterHeaders.REASON).value(),
                StandardCharsets.UTF_8)).contains("no order " + unknownOrder);
        assertThat(new String(deadLetter.headers().lastHeader(DeadLetterHeaders.TOPIC).value(), StandardCharsets.UTF_8))
                .isEqualTo(Topics.STOCK_RESERVED_V1);
        assertThat(deadLetter.headers().lastHeader("ce_id")).as("the original CloudEvent headers are kept")
                .isNotNull();
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("messaging_dead_letters_total\\{[^}]*topic=\"" + Topics.STOCK_RESERVED_V1
                + "\"[^}]*} [1-9]");
    }

    @Test
    void theSameRequestTwiceIsTheSameOrder() {
        PlacingOrders.PlaceOrder request = aRequest("key-" + UUID.randomUUID());

        Order first = InSession.await(() -> Panache.withTransaction(() -> placing.place(request)));
        Order again = InSession.await(() -> Panache.withTransaction(() -> placing.place(request)));

        assertThat(again.id()).isEqualTo(first.id());
        awaitOne(Topics.ORDER_CREATED_V1, first.id());
    }

    private Order place() {
        return InSession.await(() -> Panache.withTransaction(() -> placing.place(aRequest(UUID.randomUUID()
                .toString()))));
    }

    private static PlacingOrders.PlaceOrder aRequest(String idempotencyKey) {
        return new PlacingOrders.PlaceOrder("customer-1", "customer-1@example.com", idempotencyKey,
                List.of(OrderItem.unpriced("SKU-1", 2)), "tok_ok", null);
    }

    private boolean applied(String eventId) {
        return InSession.await(() -> appliedEvents.wasApplied(eventId));
    }

    private OrderStatus statusOf(String orderId) {
        return InSession.await(() -> orders.find(orderId)).orElseThrow().order().status();
    }

    private List<String> timelineOf(String orderId) {
        return InSession.await(() -> orders.find(orderId)).orElseThrow().order().timeline().stream()
                .map(entry -> entry.step().name())
                .toList();
    }

    private static String kafka() {
        return TestInfrastructure.kafka().bootstrapServers();
    }
}

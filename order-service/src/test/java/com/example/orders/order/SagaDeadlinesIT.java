package com.example.orders.order;

import static com.example.orders.testsupport.EventTraffic.awaitOne;
import static com.example.orders.testsupport.EventTraffic.recordsOf;
import static com.example.orders.testsupport.EventTraffic.reply;
import static com.example.orders.testsupport.EventTraffic.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.example.orders.events.EventEnvelope;
import com.example.orders.events.EventSerde;
import com.example.orders.events.Topics;
import com.example.orders.events.v1.AwaitedReply;
import com.example.orders.events.v1.Money;
import com.example.orders.events.v1.OrderCancelledV1;
import com.example.orders.events.v1.OrderCreatedV1;
import com.example.orders.events.v1.PaymentCapturedV1;
import com.example.orders.order.application.PlacingOrders;
import com.example.orders.order.domain.CancellationReason;
import com.example.orders.order.domain.Order;
import com.example.orders.order.domain.OrderItem;
import com.example.orders.order.domain.OrderStatus;
import com.example.orders.order.domain.TimelineEntry;
import com.example.orders.order.domain.TimelineStep;
import com.example.orders.order.infrastructure.persistence.Orders;
import com.example.orders.platform.tracing.TraceContexts;
import com.example.orders.platform.tracing.Tracing;
import com.example.orders.testsupport.ContractEvents;
import com.example.orders.testsupport.InSession;
import com.example.orders.testsupport.RealInfrastructure;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Stuck-saga deadlines over real Kafka and PostgreSQL, with seconds instead of minutes: inventory and payment are
 * played by the test, and stay silent where a fact is lost.
 */
@QuarkusTest
@TestProfile(SagaDeadlinesIT.ShortDeadlines.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = "service", value = "order-service"))
class SagaDeadlinesIT {

    public static final class ShortDeadlines implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("orders.saga-deadline", "PT2S", "orders.saga-give-up-after", "PT6S",
                    "orders.saga-deadline-check-interval", "PT0.5S");
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    PlacingOrders placing;

    @Inject
    Orders orders;

    @Inject
    Tracer tracer;

    @Test
    void anOrderNoOneDecidedOnIsSentAgainAsTheSameEventThenCancelledWithCompensation() {
        Order order = place();
        EventEnvelope created = awaitOne(Topics.ORDER_CREATED_V1, order.id());

        await().atMost(PATIENCE).until(() -> recordsOf(Topics.ORDER_CREATED_V1, order.id()).size() == 2);
        List<ConsumerRecord<String, byte[]>> sent = recordsOf(Topics.ORDER_CREATED_V1, order.id());
        assertThat(sent).extracting(record -> EventEnvelope.readFrom(record.headers()).id())
                .as("the same event, so a consumer that applied it skips it").containsOnly(created.id());
        assertThat(EventSerde.deserialize(sent.get(1).value(), OrderCreatedV1.class))
                .isEqualTo(EventSerde.deserialize(sent.get(0).value(), OrderCreatedV1.class));
        assertThat(stepsOf(order.id())).contains(TimelineStep.OVERDUE);

        await().atMost(PATIENCE).until(() -> stored(order.id()).status() == OrderStatus.CANCELLED);
        assertThat(stored(order.id()).reason()).contains(CancellationReason.OUT_OF_STOCK);
        assertThat(stepsOf(order.id())).containsSubsequence(TimelineStep.PLACED, TimelineStep.OVERDUE,
                TimelineStep.GAVE_UP, TimelineStep.CANCELLED);
        OrderCancelledV1 cancelled = awaitOne(Topics.ORDER_CANCELLED_V1, order.id(), OrderCancelledV1.class);
        assertThat(cancelled.reason()).isEqualTo(com.example.orders.events.v1.CancellationReason.OUT_OF_STOCK);
        assertThat(cancelled.gaveUpWaitingFor()).as("told as what it is: inventory never answered")
                .isEqualTo(AwaitedReply.STOCK_DECISION);
        assertThat(recordsOf(Topics.ORDER_CREATED_V1, order.id())).as("sent again once, not every round")
                .hasSize(2);

        // the deadline's work is in the order's own trace: its steps, the event sent again and the cancellation
        String trace = stored(order.id()).timeline().get(0).trace().flatMap(TraceContexts::traceIdOf).orElseThrow();
        assertThat(stored(order.id()).timeline()).allSatisfy(step -> assertThat(step.trace()
                .flatMap(TraceContexts::traceIdOf)).as(step.toString()).hasValue(trace));
        assertThat(recordsOf(Topics.ORDER_CREATED_V1, order.id())).extracting(SagaDeadlinesIT::traceIdOf)
                .containsOnly(trace);
        assertThat(recordsOf(Topics.ORDER_CANCELLED_V1, order.id())).extracting(SagaDeadlinesIT::traceIdOf)
                .containsOnly(trace);
    }

    @Test
    void anOrderWithStockButNoPaymentOutcomeIsCancelledPaymentUnavailable() {
        Order order = place();
        EventEnvelope created = awaitOne(Topics.ORDER_CREATED_V1, order.id());
        send(reply(created, ContractEvents.stockReserved(order.id())));

        await().atMost(PATIENCE).until(() -> stored(order.id()).status() == OrderStatus.CANCELLED);

        assertThat(stored(order.id()).reason()).contains(CancellationReason.PAYMENT_UNAVAILABLE);
        assertThat(stepsOf(order.id())).contains(TimelineStep.OVERDUE)
                .containsSubsequence(TimelineStep.STOCK_RESERVED, TimelineStep.GAVE_UP, TimelineStep.CANCELLED);
        OrderCancelledV1 cancelled = awaitOne(Topics.ORDER_CANCELLED_V1, order.id(), OrderCancelledV1.class);
        assertThat(cancelled.reason())
                .isEqualTo(com.example.orders.events.v1.CancellationReason.PAYMENT_UNAVAILABLE);
        assertThat(cancelled.gaveUpWaitingFor()).isEqualTo(AwaitedReply.PAYMENT_OUTCOME);
    }

    /**
     * Whether an order ends before its two-second deadline depends on how loaded the machine is (OrderTest proves that
     * an order decided in time is never overdue); what must hold whatever the timing is that once it has ended, the
     * watcher leaves it alone: nothing is added to its timeline, nothing is sent again, it is never given up on.
     */
    @Test
    void aFinishedOrderIsLeftAlonePastItsDeadlines() {
        Order order = place();
        EventEnvelope created = awaitOne(Topics.ORDER_CREATED_V1, order.id());
        send(reply(created, ContractEvents.stockReserved(order.id())));
        send(reply(created, new PaymentCapturedV1(order.id(), "pay-1", Money.of("19.98", "EUR"),
                java.time.Instant.now())));
        // the two facts travel on two topics, so either may be applied first: the order has ended once both are
        await().atMost(PATIENCE).until(() -> stored(order.id()).status() == OrderStatus.CONFIRMED
                && stepsOf(order.id()).contains(TimelineStep.STOCK_RESERVED));
        List<TimelineStep> stepsWhenConfirmed = stepsOf(order.id());
        int sends = stepsWhenConfirmed.contains(TimelineStep.OVERDUE) ? 2 : 1;
        await().atMost(PATIENCE).until(() -> recordsOf(Topics.ORDER_CREATED_V1, order.id()).size() == sends);

        // longer than the deadline and the time to give up together: the watcher passes over it many times
        await().during(Duration.ofSeconds(9)).atMost(Duration.ofSeconds(15))
                .until(() -> stored(order.id()).status() == OrderStatus.CONFIRMED);
        assertThat(stepsOf(order.id())).as("nothing added after the order ended").isEqualTo(stepsWhenConfirmed)
                .doesNotContain(TimelineStep.GAVE_UP);
        assertThat(recordsOf(Topics.ORDER_CREATED_V1, order.id())).as("nothing sent again after it ended")
                .hasSize(sends);
    }

    @Test
    void theMetricsCountOverdueOrdersAndTheOnesGivenUp() {
        Order order = place();
        await().atMost(PATIENCE).until(() -> stored(order.id()).status() == OrderStatus.CANCELLED);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("saga_deadlines_total\\{[^}]*action=\"overdue\"[^}]*status=\"PENDING\"")
                .containsPattern("saga_deadlines_total\\{[^}]*action=\"gave_up\"[^}]*status=\"PENDING\"")
                .contains("saga_orders_overdue")
                .containsPattern("saga_outcomes_total\\{[^}]*outcome=\"cancelled\"[^}]*reason=\"OUT_OF_STOCK\"");
    }

    /** Places an order in a span of its own, as a request's would be. */
    private Order place() {
        Span request = tracer.spanBuilder("POST /api/orders").startSpan();
        try {
            return InSession.await(() -> Panache.withTransaction(() -> Tracing.within(request,
                    () -> placing.place(new PlacingOrders.PlaceOrder("customer-1", "customer-1@example.com",
                            UUID.randomUUID().toString(), List.of(OrderItem.unpriced("SKU-1", 2)), "tok_ok", null)))));
        } finally {
            request.end();
        }
    }

    private static String traceIdOf(ConsumerRecord<String, byte[]> record) {
        return TraceContexts.traceIdOf(EventEnvelope.readFrom(record.headers()).traceparent()).orElseThrow();
    }

    private Order stored(String orderId) {
        return InSession.await(() -> orders.find(orderId)).orElseThrow().order();
    }

    private List<TimelineStep> stepsOf(String orderId) {
        return stored(orderId).timeline().stream().map(TimelineEntry::step).toList();
    }
}

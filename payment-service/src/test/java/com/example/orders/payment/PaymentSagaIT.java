package com.example.orders.payment;

import static com.example.orders.testsupport.EventTraffic.awaitOne;
import static com.example.orders.testsupport.EventTraffic.recordsOf;
import static com.example.orders.testsupport.EventTraffic.reply;
import static com.example.orders.testsupport.EventTraffic.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.orders.events.EventEnvelope;
import com.example.orders.events.Topics;
import com.example.orders.events.v1.CancellationReason;
import com.example.orders.events.v1.Money;
import com.example.orders.events.v1.OrderCancelledV1;
import com.example.orders.events.v1.OrderCreatedV1;
import com.example.orders.events.v1.OrderLine;
import com.example.orders.events.v1.PaymentCapturedV1;
import com.example.orders.events.v1.PaymentFailedV1;
import com.example.orders.events.v1.PaymentFailureReason;
import com.example.orders.events.v1.PaymentRefundedV1;
import com.example.orders.events.v1.PricedLine;
import com.example.orders.events.v1.StockReservedV1;
import com.example.orders.payment.domain.PaymentStatus;
import com.example.orders.payment.infrastructure.persistence.Payments;
import com.example.orders.platform.inbox.AppliedEvents;
import com.example.orders.testsupport.ContractEvents;
import com.example.orders.testsupport.DatabaseNotifications;
import com.example.orders.testsupport.InSession;
import com.example.orders.testsupport.RealInfrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * payment-service's part of the saga over real Kafka, PostgreSQL and a real HTTP payment provider (the suite's
 * simulator): order-service and inventory-service are played by the test.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = "service", value = "payment-service"))
@WithTestResource(value = ProviderSimulatorResource.class, scope = TestResourceScope.GLOBAL)
class PaymentSagaIT {

    private static final Money TOTAL = Money.of("19.98", "EUR");

    @Inject
    Payments payments;

    @Inject
    AppliedEvents appliedEvents;

    @Inject
    MeterRegistry metrics;

    @BeforeEach
    void providerUp() {
        TestProvider.start();
    }

    @Test
    void capturesAReservedOrderOnceThoughEveryFactArrivesTwice() {
        String orderId = anOrderId();
        ContractEvents.Sent placed = placed(orderId, "tok_ok");
        ContractEvents.Sent reserved = reserved(placed);
        ContractEvents.Sent sameFactAnotherId = reserved(placed);

        send(placed, reserved, placed, reserved, sameFactAnotherId);

        PaymentCapturedV1 captured = awaitOne(Topics.PAYMENT_CAPTURED_V1, orderId, PaymentCapturedV1.class);
        assertThat(captured.amount()).isEqualTo(TOTAL);
        assertThat(TestProvider.ledgerOf(orderId).get("captures")).hasSize(1);
        EventEnvelope envelope = awaitOne(Topics.PAYMENT_CAPTURED_V1, orderId);
        assertThat(envelope.correlationId()).isEqualTo(placed.envelope().correlationId());
        // whichever of the order and its reservation arrived last made the capture due (they travel on two topics)
        assertThat(envelope.causationId()).isIn(placed.envelope().id(), reserved.envelope().id(),
                sameFactAnotherId.envelope().id());
    }

    @Test
    void aPaymentThatBecomesDueWakesTheProviderCallsAtItsCommit() throws Exception {
        String orderId = anOrderId();
        ContractEvents.Sent placed = placed(orderId, "tok_ok");

        try (DatabaseNotifications due = DatabaseNotifications.listen("payment_due")) {
            send(placed, reserved(placed));

            // the dispatcher is told at the commit, not left to find it at its next look
            assertThat(due.awaitSome(Duration.ofSeconds(30))).isNotEmpty();
        }
        awaitOne(Topics.PAYMENT_CAPTURED_V1, orderId, PaymentCapturedV1.class);
    }

    @Test
    void reportsADeclinedCardAndChargesNothing() {
        String orderId = anOrderId();
        ContractEvents.Sent placed = placed(orderId, "tok_declined");

        send(placed, reserved(placed));

        PaymentFailedV1 failed = awaitOne(Topics.PAYMENT_FAILED_V1, orderId, PaymentFailedV1.class);
        assertThat(failed.reason()).isEqualTo(PaymentFailureReason.DECLINED);
        assertThat(TestProvider.ledgerOf(orderId).get("captures")).isEmpty();
    }

    @Test
    void aProviderTooSlowForTheTimeLimitIsAskedAgainAndChargesOnce() {
        String orderId = anOrderId();
        ContractEvents.Sent placed = placed(orderId, "tok_slow");

        send(placed, reserved(placed));

        awaitOne(Topics.PAYMENT_CAPTURED_V1, orderId);
        assertThat(TestProvider.ledgerOf(orderId).get("requests").asInt()).as("a timeout, then a retry")
                .isGreaterThan(1);
        assertThat(TestProvider.ledgerOf(orderId).get("captures")).hasSize(1);
    }

    @Test
    void refundsACapturedOrderThatIsCancelledOnce() {
        String orderId = anOrderId();
        ContractEvents.Sent placed = placed(orderId, "tok_ok");
        send(placed, reserved(placed));
        awaitOne(Topics.PAYMENT_CAPTURED_V1, orderId);

        ContractEvents.Sent cancelled = cancelled(placed);
        send(cancelled, cancelled);

        PaymentRefundedV1 refunded = awaitOne(Topics.PAYMENT_REFUNDED_V1, orderId, PaymentRefundedV1.class);
        assertThat(refunded.amount()).isEqualTo(TOTAL);
        assertThat(TestProvider.ledgerOf(orderId).get("refunds")).hasSize(1);
    }

    @Test
    void neverCallsTheProviderForAnOrderCancelledBeforeItsStockWasReserved() {
        String orderId = anOrderId();
        ContractEvents.Sent placed = placed(orderId, "tok_ok");
        ContractEvents.Sent cancelled = cancelled(placed);
        send(placed, cancelled);
        awaitApplied(cancelled);

        ContractEvents.Sent reserved = reserved(placed);
        send(reserved);
        awaitApplied(reserved);

        assertThat(statusOf(orderId)).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(TestProvider.ledgerOf(orderId).get("requests").asInt()).isZero();
        assertThat(recordsOf(Topics.PAYMENT_CAPTURED_V1, orderId)).isEmpty();
    }

    @Test
    void waitsOutAShortProviderOutageAndThenChargesOnce() throws InterruptedException {
        TestProvider.stop();
        String orderId = anOrderId();
        ContractEvents.Sent placed = placed(orderId, "tok_ok");
        send(placed, reserved(placed));
        await().atMost(Duration.ofSeconds(20)).until(() -> statusOf(orderId) == PaymentStatus.CAPTURING
                && attemptsOf(orderId) > 0);

        TestProvider.start();

        awaitOne(Topics.PAYMENT_CAPTURED_V1, orderId);
        assertThat(TestProvider.ledgerOf(orderId).get("captures")).hasSize(1);
        assertThat(recordsOf(Topics.PAYMENT_FAILED_V1, orderId)).isEmpty();
    }

    @Test
    void givesUpAfterTheDeadlineAndLaterRefundsWhateverTheProviderTookOnCancel() {
        TestProvider.stop();
        String orderId = anOrderId();
        ContractEvents.Sent placed = placed(orderId, "tok_ok");
        send(placed, reserved(placed));

        PaymentFailedV1 failed = awaitOne(Topics.PAYMENT_FAILED_V1, orderId, PaymentFailedV1.class);
        assertThat(failed.reason()).isEqualTo(PaymentFailureReason.PROVIDER_UNAVAILABLE);

        TestProvider.start();
        send(cancelled(placed));
        await().atMost(Duration.ofSeconds(20)).until(() -> statusOf(orderId) == PaymentStatus.CANCELLED);
        assertThat(TestProvider.ledgerOf(orderId).get("captures")).isEmpty();
        assertThat(recordsOf(Topics.PAYMENT_REFUNDED_V1, orderId)).isEmpty();
    }

    @Test
    void aCaptureTheProviderRejectsIsNeitherRetriedAtOnceNorHeldAgainstTheProviderAndFailsAtTheDeadline() {
        String orderId = anOrderId();
        // another request already holds this order's capture key (a bug somewhere): the provider answers ours 409
        assertThat(TestProvider.capture("capture-" + orderId, orderId, "tok_ok", "1.00")).isEqualTo(201);
        ContractEvents.Sent placed = placed(orderId, "tok_ok");
        send(placed, reserved(placed));

        PaymentFailedV1 failed = awaitOne(Topics.PAYMENT_FAILED_V1, orderId, PaymentFailedV1.class);
        assertThat(failed.reason()).isEqualTo(PaymentFailureReason.PROVIDER_UNAVAILABLE);
        assertThat(failed.detail()).contains("409");
        assertThat(TestProvider.ledgerOf(orderId).get("requests").asInt())
                .as("one request per round (the other client's, then ours): a rejection is not retried at once")
                .isEqualTo(attemptsOf(orderId) + 1);
        assertThat(attemptsOf(orderId)).isGreaterThan(1);
        assertThat(metrics.find("payment.provider.rejections").tag("call", "captures").counter())
                .isNotNull()
                .satisfies(rejections -> assertThat(rejections.count()).isGreaterThanOrEqualTo(attemptsOf(orderId)));
    }

    private void awaitApplied(ContractEvents.Sent event) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> InSession.await(() -> appliedEvents.wasApplied(event.envelope().id())));
    }

    private PaymentStatus statusOf(String orderId) {
        return InSession.await(() -> payments.find(orderId)).map(stored -> stored.payment().status()).orElse(null);
    }

    private int attemptsOf(String orderId) {
        return InSession.await(() -> payments.find(orderId)).map(stored -> stored.payment().attempts()).orElse(0);
    }

    private static ContractEvents.Sent placed(String orderId, String token) {
        return ContractEvents.asSent(orderId, new OrderCreatedV1(orderId, "customer-1", null,
                List.of(new OrderLine("SKU-1", 2)), token, Instant.now()));
    }

    private static ContractEvents.Sent reserved(ContractEvents.Sent placed) {
        String orderId = placed.envelope().subject();
        return reply(placed.envelope(), new StockReservedV1(orderId,
                List.of(new PricedLine("SKU-1", 2, Money.of("9.99", "EUR"))), TOTAL, Instant.now()));
    }

    private static ContractEvents.Sent cancelled(ContractEvents.Sent placed) {
        String orderId = placed.envelope().subject();
        return reply(placed.envelope(), new OrderCancelledV1(orderId, "customer-1", null,
                CancellationReason.CUSTOMER_CANCELLED, Instant.now()));
    }

    private static String anOrderId() {
        return UUID.randomUUID().toString();
    }
}

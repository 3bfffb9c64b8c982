package com.example.orders.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class PaymentTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Money TOTAL = Money.of("19.98", "EUR");
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Duration DEADLINE = Duration.ofMinutes(2);

    @Test
    void capturesOnceTheTokenAndTheTotalAreKnownInEitherOrder() {
        Payment tokenFirst = Payment.open("o1");
        assertThat(tokenFirst.orderPlaced("tok_ok", T0)).isFalse();
        assertThat(tokenFirst.stockReserved(TOTAL, T0)).isTrue();

        Payment totalFirst = Payment.open("o2");
        assertThat(totalFirst.stockReserved(TOTAL, T0)).isFalse();
        assertThat(totalFirst.orderPlaced("tok_ok", T0)).isTrue();

        assertThat(totalFirst.status()).isEqualTo(PaymentStatus.CAPTURING);
        assertThat(totalFirst.nextAttemptAt()).contains(T0);
    }

    @Test
    void theSameFactTwiceAsksForOneCapture() {
        Payment payment = capturing();

        assertThat(payment.stockReserved(TOTAL, T0)).isFalse();
        assertThat(payment.orderPlaced("tok_ok", T0)).isFalse();
    }

    @Test
    void aCaptureIsReportedOnce() {
        Payment payment = capturing();

        assertThat(payment.captured("cap-1", T0)).containsInstanceOf(PaymentEvent.Captured.class);
        assertThat(payment.captured("cap-1", T0)).isEmpty();
        assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(payment.nextAttemptAt()).isEmpty();
    }

    @Test
    void aDeclineFailsThePayment() {
        Payment payment = capturing();

        PaymentEvent failed = payment.declined("card_declined").orElseThrow();

        assertThat(((PaymentEvent.Failed) failed).reason()).isEqualTo(PaymentEvent.FailureReason.DECLINED);
        assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
    }

    @Test
    void anOutageWaitsAndTriesAgainUntilTheDeadline() {
        Payment payment = capturing();

        assertThat(payment.providerUnavailable("down", T0.plusSeconds(1), RETRY, DEADLINE)).isEmpty();
        assertThat(payment.nextAttemptAt()).contains(T0.plusSeconds(2));
        assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURING);

        PaymentEvent failed = payment.providerUnavailable("down", T0.plus(DEADLINE), RETRY, DEADLINE).orElseThrow();
        assertThat(((PaymentEvent.Failed) failed).reason())
                .isEqualTo(PaymentEvent.FailureReason.PROVIDER_UNAVAILABLE);
        assertThat(payment.status()).isEqualTo(PaymentStatus.UNAVAILABLE);
    }

    @Test
    void anOrderCancelledBeforeAnyCallIsNeverCharged() {
        Payment waiting = Payment.open("o1");
        waiting.orderPlaced("tok_ok", T0);
        assertThat(waiting.orderCancelled(T0)).isFalse();
        assertThat(waiting.stockReserved(TOTAL, T0)).as("a reservation after the cancel").isFalse();
        assertThat(waiting.status()).isEqualTo(PaymentStatus.CANCELLED);

        Payment due = capturing();
        assertThat(due.orderCancelled(T0)).isFalse();
        assertThat(due.status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(due.nextAttemptAt()).isEmpty();
    }

    @Test
    void aCancelBeforeTheOrderIsRememberedByThePayment() {
        Payment payment = Payment.open("o1");
        payment.orderCancelled(T0);

        assertThat(payment.orderPlaced("tok_ok", T0)).isFalse();
        assertThat(payment.stockReserved(TOTAL, T0)).isFalse();
        assertThat(payment.status()).isEqualTo(PaymentStatus.CANCELLED);
    }

    @Test
    void aCapturedOrderThatIsCancelledIsRefundedOnce() {
        Payment payment = capturing();
        payment.captured("cap-1", T0);

        assertThat(payment.orderCancelled(T0.plusSeconds(1))).isTrue();
        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDING);
        assertThat(payment.orderCancelled(T0.plusSeconds(2))).isFalse();

        assertThat(payment.refunded("ref-1", "cap-1")).singleElement().isInstanceOf(PaymentEvent.Refunded.class);
        assertThat(payment.refunded("ref-1", "cap-1")).isEmpty();
        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
    }

    @Test
    void aCaptureThatRacedTheCancelIsReportedAndRefunded() {
        Payment payment = capturing();
        payment.orderCancelled(T0);

        assertThat(payment.captured("cap-1", T0.plusSeconds(1))).containsInstanceOf(PaymentEvent.Captured.class);

        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDING);
        assertThat(payment.nextAttemptAt()).contains(T0.plusSeconds(1));
    }

    @Test
    void aCancelAfterAnUnansweredCallRefundsWhateverTheProviderTook() {
        Payment payment = capturing();
        payment.providerUnavailable("timeout", T0, RETRY, DEADLINE);

        assertThat(payment.orderCancelled(T0.plusSeconds(1))).isTrue();
        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDING);

        payment.nothingToRefund();
        assertThat(payment.status()).as("the provider had taken nothing").isEqualTo(PaymentStatus.CANCELLED);
    }

    @Test
    void aCaptureLearnedOnlyFromItsRefundIsReportedBeforeTheRefund() {
        Payment payment = capturing();
        payment.providerUnavailable("timeout", T0, RETRY, DEADLINE);
        payment.orderCancelled(T0.plusSeconds(1));

        assertThat(payment.refunded("ref-1", "cap-1")).extracting(event -> event.getClass().getSimpleName())
                .containsExactly("Captured", "Refunded");
        assertThat(payment.captureId()).contains("cap-1");
    }

    @Test
    void aCallInFlightWhenTheOrderWasCancelledThatGetsNoAnswerIsRefundedByKey() {
        Payment payment = capturing();
        payment.orderCancelled(T0);

        assertThat(payment.providerUnavailable("timeout", T0.plusSeconds(1), RETRY, DEADLINE)).isEmpty();

        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDING);
    }

    @Test
    void aPaymentGivenUpOnIsRefundedWhenItsOrderIsCancelled() {
        Payment payment = capturing();
        payment.providerUnavailable("down", T0.plus(DEADLINE), RETRY, DEADLINE);

        assertThat(payment.orderCancelled(T0.plus(DEADLINE))).isTrue();
        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDING);
    }

    @Test
    void aRefundIsTriedAgainWhateverTheTime() {
        Payment payment = capturing();
        payment.captured("cap-1", T0);
        payment.orderCancelled(T0);

        assertThat(payment.providerUnavailable("down", T0.plus(Duration.ofDays(1)), RETRY, DEADLINE)).isEmpty();

        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDING);
        assertThat(payment.nextAttemptAt()).contains(T0.plus(Duration.ofDays(1)).plus(RETRY));
    }

    @Test
    void aDeclinedPaymentIsNotRefunded() {
        Payment payment = capturing();
        payment.declined("card_declined");

        assertThat(payment.orderCancelled(T0)).isFalse();
        assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
    }

    private static Payment capturing() {
        Payment payment = Payment.open("o1");
        payment.orderPlaced("tok_ok", T0);
        payment.stockReserved(TOTAL, T0);
        return payment;
    }
}

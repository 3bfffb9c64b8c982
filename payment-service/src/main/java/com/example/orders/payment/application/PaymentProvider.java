package com.example.orders.payment.application;

import com.example.orders.payment.domain.Money;

/**
 * The external payment provider (a port: {@code infrastructure/provider} calls it over HTTP, behind Resilience4j).
 * Every call carries an idempotency key that is the same for every attempt, so a call repeated after a lost answer
 * never charges twice. A decline is an answer; no answer at all is a {@link ProviderNoAnswer}. Calls block the calling
 * thread: the provider workers make them, never the event loop.
 */
public interface PaymentProvider {

    /** What the provider answered to a capture. */
    sealed interface CaptureAnswer {
    }

    record Captured(String captureId) implements CaptureAnswer {
    }

    record Declined(String reason) implements CaptureAnswer {
    }

    /** What the provider answered to a refund. */
    sealed interface RefundAnswer {
    }

    record Refunded(String refundId, String captureId) implements RefundAnswer {
    }

    /** Nothing was ever captured under the capture's key: no money to give back. */
    record NothingCaptured() implements RefundAnswer {
    }

    CaptureAnswer capture(String idempotencyKey, String orderId, String token, Money amount) throws ProviderNoAnswer;

    RefundAnswer refund(String idempotencyKey, String captureKey, Money amount) throws ProviderNoAnswer;
}

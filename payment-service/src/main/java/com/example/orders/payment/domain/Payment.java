package com.example.orders.payment.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The payment of one order. It captures once the order's payment token (OrderCreated) and its reserved total
 * (StockReserved) are both known, in whichever order they arrive, unless the order was cancelled first. It refunds a
 * capture whose order was cancelled, including a capture that was already on its way to the provider when the cancel
 * came. Calls to the provider are the caller's job: {@link #status()} says whether one is due and
 * {@link #nextAttemptAt()} when. A capture that finds no provider for {@code deadline} after it became due fails with
 * PROVIDER_UNAVAILABLE; a refund is tried until the provider answers.
 */
public final class Payment {

    private final String orderId;
    private String paymentToken;
    private Money amount;
    private PaymentStatus status;
    private String captureId;
    private String refundId;
    private Instant dueSince;
    private Instant nextAttemptAt;
    private int attempts;

    private Payment(String orderId, String paymentToken, Money amount, PaymentStatus status, String captureId,
            String refundId, Instant dueSince, Instant nextAttemptAt, int attempts) {
        this.orderId = Objects.requireNonNull(orderId, "orderId");
        this.paymentToken = paymentToken;
        this.amount = amount;
        this.status = Objects.requireNonNull(status, "status");
        this.captureId = captureId;
        this.refundId = refundId;
        this.dueSince = dueSince;
        this.nextAttemptAt = nextAttemptAt;
        this.attempts = attempts;
    }

    /** The first fact about an order reached payment. */
    public static Payment open(String orderId) {
        return new Payment(orderId, null, null, PaymentStatus.WAITING, null, null, null, null, 0);
    }

    /** Rebuilds a payment from storage; no rule runs. */
    public static Payment restore(String orderId, String paymentToken, Money amount, PaymentStatus status,
            String captureId, String refundId, Instant dueSince, Instant nextAttemptAt, int attempts) {
        return new Payment(orderId, paymentToken, amount, status, captureId, refundId, dueSince, nextAttemptAt,
                attempts);
    }

    /** The order was placed with this payment token. @return whether a capture became due */
    public boolean orderPlaced(String token, Instant at) {
        if (paymentToken == null) {
            paymentToken = Objects.requireNonNull(token, "token");
        }
        return captureIfReady(at);
    }

    /** Inventory reserved the order at this total. @return whether a capture became due */
    public boolean stockReserved(Money total, Instant at) {
        if (amount == null) {
            amount = Objects.requireNonNull(total, "total");
        }
        return captureIfReady(at);
    }

    /**
     * The order was cancelled. Nothing asked of the provider yet: nothing will be. Captured, or asked without an answer
     * (the provider may have charged before it failed to reply): refund whatever was captured under the capture's key.
     * A capture in flight is refunded when its answer arrives ({@link #captured}, {@link #providerUnavailable}).
     *
     * @return whether a refund became due
     */
    public boolean orderCancelled(Instant at) {
        boolean mayHaveCharged = status == PaymentStatus.CAPTURED || status == PaymentStatus.UNAVAILABLE
                || status == PaymentStatus.CAPTURING && attempts > 0;
        if (mayHaveCharged) {
            becomeDue(PaymentStatus.REFUNDING, at);
            return true;
        }
        if (status == PaymentStatus.WAITING || status == PaymentStatus.CAPTURING) {
            status = PaymentStatus.CANCELLED;
            nextAttemptAt = null;
        }
        return false;
    }

    /** The provider captured the amount. */
    public Optional<PaymentEvent> captured(String newCaptureId, Instant at) {
        if (status == PaymentStatus.CAPTURING) {
            captureId = newCaptureId;
            status = PaymentStatus.CAPTURED;
            nextAttemptAt = null;
            return Optional.of(new PaymentEvent.Captured(this));
        }
        if (status == PaymentStatus.CANCELLED || status == PaymentStatus.REFUNDING && captureId == null) {
            // the capture raced the cancel and won at the provider: report it, and give the money back
            captureId = newCaptureId;
            if (status == PaymentStatus.CANCELLED) {
                becomeDue(PaymentStatus.REFUNDING, at);
            }
            return Optional.of(new PaymentEvent.Captured(this));
        }
        return Optional.empty();
    }

    /** The provider refused the capture. */
    public Optional<PaymentEvent> declined(String reason) {
        if (status == PaymentStatus.CAPTURING) {
            status = PaymentStatus.DECLINED;
            nextAttemptAt = null;
            return Optional.of(new PaymentEvent.Failed(this, PaymentEvent.FailureReason.DECLINED, reason));
        }
        if (status == PaymentStatus.CANCELLED) {
            nextAttemptAt = null;
        }
        return Optional.empty();
    }

    /** The provider had captured nothing under the capture's key: there is nothing to give back. */
    public void nothingToRefund() {
        if (status == PaymentStatus.REFUNDING && captureId == null) {
            status = PaymentStatus.CANCELLED;
            nextAttemptAt = null;
        }
    }

    /**
     * The provider refunded the capture made under the capture's key. If the capture itself was never reported (its
     * answer was lost), it is reported first: the saga hears that money was taken, then that it went back.
     */
    public List<PaymentEvent> refunded(String newRefundId, String capturedAs) {
        if (status != PaymentStatus.REFUNDING) {
            return List.of();
        }
        List<PaymentEvent> events = new ArrayList<>();
        if (captureId == null) {
            captureId = Objects.requireNonNull(capturedAs, "capturedAs");
            events.add(new PaymentEvent.Captured(this));
        }
        refundId = newRefundId;
        status = PaymentStatus.REFUNDED;
        nextAttemptAt = null;
        events.add(new PaymentEvent.Refunded(this));
        return events;
    }

    /**
     * The provider could not be reached (or answered with an error). A capture waits for {@code retryIn} and tries
     * again, until {@code deadline} after it became due; a refund tries again whatever the time.
     */
    public Optional<PaymentEvent> providerUnavailable(String detail, Instant at, Duration retryIn,
            Duration deadline) {
        if (status == PaymentStatus.CANCELLED) {
            // a capture in flight when the order was cancelled, and no answer: it may have charged
            becomeDue(PaymentStatus.REFUNDING, at);
            return Optional.empty();
        }
        if (!status.callsProvider()) {
            return Optional.empty();
        }
        attempts++;
        if (status == PaymentStatus.CAPTURING && !at.isBefore(dueSince.plus(deadline))) {
            status = PaymentStatus.UNAVAILABLE;
            nextAttemptAt = null;
            return Optional.of(new PaymentEvent.Failed(this, PaymentEvent.FailureReason.PROVIDER_UNAVAILABLE,
                    "no answer from the payment provider for " + deadline + ": " + detail));
        }
        nextAttemptAt = status.callsProvider() ? at.plus(retryIn) : null;
        return Optional.empty();
    }

    private boolean captureIfReady(Instant at) {
        if (status == PaymentStatus.WAITING && paymentToken != null && amount != null) {
            becomeDue(PaymentStatus.CAPTURING, at);
            return true;
        }
        return false;
    }

    private void becomeDue(PaymentStatus newStatus, Instant at) {
        status = newStatus;
        dueSince = at;
        nextAttemptAt = at;
        attempts = 0;
    }

    public String orderId() {
        return orderId;
    }

    public Optional<String> paymentToken() {
        return Optional.ofNullable(paymentToken);
    }

    public Optional<Money> amount() {
        return Optional.ofNullable(amount);
    }

    public PaymentStatus status() {
        return status;
    }

    public Optional<String> captureId() {
        return Optional.ofNullable(captureId);
    }

    public Optional<String> refundId() {
        return Optional.ofNullable(refundId);
    }

    public Optional<Instant> dueSince() {
        return Optional.ofNullable(dueSince);
    }

    public Optional<Instant> nextAttemptAt() {
        return Optional.ofNullable(nextAttemptAt);
    }

    public int attempts() {
        return attempts;
    }

    /**
     * The provider's idempotency key of this order's capture: the same for every attempt, so it charges once. A refund
     * names the capture by this key.
     */
    public String captureKey() {
        return "capture-" + orderId;
    }

    /** The provider's idempotency key of this order's refund. */
    public String refundKey() {
        return "refund-" + orderId;
    }
}

package com.example.orders.payment.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.orders.payment.domain.Money;
import com.example.orders.payment.domain.Payment;
import com.example.orders.payment.domain.PaymentEvent;
import com.example.orders.platform.locking.OrderLocks;
import com.example.orders.platform.saga.Cause;

import io.smallrye.mutiny.Uni;

/**
 * Payment's part of the saga. Facts about an order (placed, reserved, cancelled) are applied to its payment in the
 * caller's transaction, under the order's lock; they never call the provider themselves, they make a call due. The
 * provider workers make the due calls ({@link PaymentProvider}) and hand the answers back here, where they are applied
 * and emitted through the outbox in one transaction. A redelivered fact or a replayed topic therefore cannot reach the
 * provider twice, and the provider's idempotency key covers a call whose answer was lost.
 */
@ApplicationScoped
public class TakingPayments {

    private final OrderLocks locks;
    private final PaymentBook payments;
    private final PaymentOutbox emitted;
    private final PaymentProviderConfig config;

    TakingPayments(OrderLocks locks, PaymentBook payments, PaymentOutbox emitted, PaymentProviderConfig config) {
        this.locks = locks;
        this.payments = payments;
        this.emitted = emitted;
        this.config = config;
    }

    public Uni<Void> orderPlaced(Cause fact, String orderId, String paymentToken) {
        return apply(fact, orderId, payment -> payment.orderPlaced(paymentToken, Instant.now()));
    }

    public Uni<Void> stockReserved(Cause fact, String orderId, Money total) {
        return apply(fact, orderId, payment -> payment.stockReserved(total, Instant.now()));
    }

    public Uni<Void> orderCancelled(Cause fact, String orderId) {
        return apply(fact, orderId, payment -> payment.orderCancelled(Instant.now()));
    }

    /** The provider captured, or declined, the payment's capture. */
    public Uni<Void> captureAnswered(String orderId, PaymentProvider.CaptureAnswer answer) {
        return settle(orderId, payment -> {
            if (answer instanceof PaymentProvider.Captured captured) {
                return payment.captured(captured.captureId(), Instant.now()).stream().toList();
            }
            return payment.declined(((PaymentProvider.Declined) answer).reason()).stream().toList();
        });
    }

    /** The provider refunded the payment's capture, or had captured nothing. */
    public Uni<Void> refundAnswered(String orderId, PaymentProvider.RefundAnswer answer) {
        return settle(orderId, payment -> {
            if (answer instanceof PaymentProvider.Refunded refunded) {
                return payment.refunded(refunded.refundId(), refunded.captureId());
            }
            payment.nothingToRefund();
            return List.of();
        });
    }

    /** The provider gave no answer: the payment waits and tries again, or gives up at its deadline. */
    public Uni<Void> providerUnavailable(String orderId, String detail) {
        return settle(orderId, payment -> payment.providerUnavailable(detail, Instant.now(),
                waitBeforeNextRound(payment.attempts()), config.unavailableDeadline()).stream().toList());
    }

    private Uni<Void> apply(Cause fact, String orderId, Predicate<Payment> change) {
        return locks.lock(orderId).flatMap(locked -> payments.change(orderId, fact, change));
    }

    private Uni<Void> settle(String orderId, Function<Payment, List<PaymentEvent>> outcome) {
        return payments.settle(orderId, stored -> new Settled(stored, outcome.apply(stored.payment())))
                .flatMap(settled -> settled.events().isEmpty()
                        ? Uni.createFrom().voidItem()
                        : emitted.emit(settled.stored(), settled.events()));
    }

    private record Settled(PaymentBook.Stored stored, List<PaymentEvent> events) {
    }

    /** Doubling from the first retry backoff with each round, up to the configured longest wait. */
    private Duration waitBeforeNextRound(int roundsSoFar) {
        Duration wait = config.retry().initialBackoff().multipliedBy(1L << Math.min(roundsSoFar, 20));
        return wait.compareTo(config.calls().maxWaitBetweenRounds()) > 0 ? config.calls().maxWaitBetweenRounds() : wait;
    }
}

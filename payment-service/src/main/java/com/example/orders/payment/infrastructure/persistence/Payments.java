package com.example.orders.payment.infrastructure.persistence;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;

import com.example.orders.events.EventEnvelope;
import com.example.orders.payment.domain.Payment;
import com.example.orders.platform.persistence.LeasedWork;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The stored payments. Changes run under a row lock; provider calls are handed out to workers with a lease, so two
 * workers (or two replicas) never call the provider for the same payment at once.
 */
@ApplicationScoped
public class Payments {

    /** A payment waits for a capture or a refund call. */
    private static final LeasedWork DUE_CALLS = new LeasedWork("payment", "order_id",
            "status in ('CAPTURING', 'REFUNDING')", "order_id");

    /** A payment as stored: the saga it belongs to, and the event that made its pending provider call due. */
    public record Stored(Payment payment, String correlationId, String causeId, String traceparent) {
    }

    public Uni<Optional<Stored>> find(String orderId) {
        return Panache.getSession()
                .flatMap(session -> session.find(PaymentRecord.class, orderId))
                .map(record -> Optional.ofNullable(record).map(Payments::stored));
    }

    /**
     * Applies {@code fact}'s change to the order's payment under a row lock, opening the payment on the first fact
     * about the order, and stores what it changed. {@code change} answers whether it made a provider call due; if it
     * did, {@code fact} is remembered as the cause of what that call will emit.
     */
    public Uni<Void> change(String orderId, EventEnvelope fact, Predicate<Payment> change) {
        return Panache.getSession()
                .flatMap(session -> session.find(PaymentRecord.class, orderId, LockMode.PESSIMISTIC_WRITE)
                        .flatMap(found -> found != null
                                ? Uni.createFrom().item(found)
                                : Uni.createFrom().item(PaymentRecord.of(Payment.open(orderId), fact.correlationId()))
                                        .call(session::persist))
                        .invoke(record -> {
                            Payment payment = record.toPayment();
                            boolean madeCallDue = change.test(payment);
                            record.update(payment);
                            if (madeCallDue) {
                                record.causeId = fact.id();
                                record.traceparent = fact.traceparent();
                                record.leasedUntil = null;
                            }
                        }))
                .replaceWithVoid();
    }

    /** Applies the outcome of a provider call to the payment under a row lock and ends the worker's lease. */
    public <T> Uni<T> settle(String orderId, Function<Stored, T> outcome) {
        return Panache.getSession()
                .flatMap(session -> session.find(PaymentRecord.class, orderId, LockMode.PESSIMISTIC_WRITE))
                .map(record -> {
                    Payment payment = record.toPayment();
                    T value = outcome.apply(new Stored(payment, record.correlationId, record.causeId,
                            record.traceparent));
                    record.update(payment);
                    record.leasedUntil = null;
                    return value;
                });
    }

    /**
     * Hands out up to {@code limit} provider calls that are due, leasing each for {@code lease}: skipped by other
     * workers until the lease ends, so a worker that dies mid-call is replaced.
     */
    public Uni<List<Stored>> leaseDue(int limit, Duration lease) {
        return DUE_CALLS.lease(limit, lease)
                .map(rows -> rows.stream().map(row -> (String) row[0]).toList())
                .flatMap(orderIds -> orderIds.isEmpty()
                        ? Uni.createFrom().item(List.<Stored>of())
                        : Panache.getSession().flatMap(session -> session
                                .createSelectionQuery("from PaymentRecord where orderId in (:ids)",
                                        PaymentRecord.class)
                                .setParameter("ids", orderIds)
                                .getResultList())
                                .map(records -> records.stream().map(Payments::stored).toList()));
    }

    private static Stored stored(PaymentRecord record) {
        return new Stored(record.toPayment(), record.correlationId, record.causeId, record.traceparent);
    }
}

package com.example.orders.payment.infrastructure.persistence;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;

import com.example.orders.payment.application.PaymentBook;
import com.example.orders.payment.domain.Payment;
import com.example.orders.platform.persistence.LeasedWork;
import com.example.orders.platform.saga.Cause;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The stored payments. Changes run under a row lock; provider calls are handed out to workers with a lease, so two
 * workers (or two replicas) never call the provider for the same payment at once.
 */
@ApplicationScoped
public class Payments implements PaymentBook {

    /** A payment waits for a capture or a refund call. */
    private static final LeasedWork DUE_CALLS = new LeasedWork("payment", "order_id",
            "status in ('CAPTURING', 'REFUNDING')", "order_id");

    @Override
    public Uni<Optional<Stored>> find(String orderId) {
        return Panache.getSession()
                .flatMap(session -> session.find(PaymentRecord.class, orderId))
                .map(record -> Optional.ofNullable(record).map(Payments::stored));
    }

    @Override
    public Uni<Void> change(String orderId, Cause fact, Predicate<Payment> change) {
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
                                record.causeId = fact.eventId();
                                record.traceparent = fact.traceparent();
                                record.leasedUntil = null;
                            }
                        }))
                .replaceWithVoid();
    }

    @Override
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

    /** The lease is {@link LeasedWork}'s: rows skipped by other workers until it ends. */
    @Override
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

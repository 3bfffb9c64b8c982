package com.example.orders.payment.application;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import com.example.orders.payment.domain.Payment;
import com.example.orders.platform.saga.Cause;

import io.smallrye.mutiny.Uni;

/**
 * The payments, in the caller's transaction (a port: {@code infrastructure/persistence} implements it). Changes run
 * under a row lock; provider calls are handed out to workers with a lease, so two workers (or two replicas) never call
 * the provider for the same payment at once.
 */
public interface PaymentBook {

    /** A payment as stored: the saga it belongs to, and the event that made its pending provider call due. */
    record Stored(Payment payment, String correlationId, String causeId, String traceparent) {
    }

    Uni<Optional<Stored>> find(String orderId);

    /**
     * Applies {@code fact}'s change to the order's payment under a row lock, opening the payment on the first fact
     * about the order, and stores what it changed. {@code change} answers whether it made a provider call due; if it
     * did, {@code fact} is remembered as the cause of what that call will emit.
     */
    Uni<Void> change(String orderId, Cause fact, Predicate<Payment> change);

    /** Applies the outcome of a provider call to the payment under a row lock and ends the worker's lease. */
    <T> Uni<T> settle(String orderId, Function<Stored, T> outcome);

    /**
     * Hands out up to {@code limit} provider calls that are due, leasing each for {@code lease}: skipped by other
     * workers until the lease ends, so a worker that dies mid-call is replaced.
     */
    Uni<List<Stored>> leaseDue(int limit, Duration lease);
}

package com.example.orders.order.application;

import java.util.Optional;

import io.smallrye.mutiny.Uni;

/**
 * Which order each (customer, Idempotency-Key) created, and a fingerprint of the request that created it (a port:
 * {@code infrastructure/persistence} implements it).
 */
public interface IdempotencyKeys {

    record Earlier(String orderId, String fingerprint) {
    }

    Uni<Optional<Earlier>> find(String customerId, String idempotencyKey);

    Uni<Void> add(String customerId, String idempotencyKey, String fingerprint, String orderId);
}

package com.example.orders.order.application;

/** The same Idempotency-Key came with a different request. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String key) {
        super("Idempotency-Key " + key + " was already used for a different order request");
    }
}

package com.example.orders.payment.application;

/**
 * A provider call that gave no usable answer, for one of two reasons: the provider is away
 * ({@link ProviderUnavailable}) or it refused our request as wrong ({@link ProviderRejected}). Either way the payment
 * tries again in its next round and gives up at its deadline; only an outage counts against the circuit breaker.
 */
public abstract sealed class ProviderNoAnswer extends Exception permits ProviderUnavailable, ProviderRejected {

    ProviderNoAnswer(String message) {
        super(message);
    }

    ProviderNoAnswer(String message, Throwable cause) {
        super(message, cause);
    }
}

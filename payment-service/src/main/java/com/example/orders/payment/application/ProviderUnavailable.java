package com.example.orders.payment.application;

/** The payment provider gave no usable answer: unreachable, too slow, an error of its own, or the circuit is open. */
public final class ProviderUnavailable extends ProviderNoAnswer {

    public ProviderUnavailable(String message) {
        super(message);
    }

    public ProviderUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}

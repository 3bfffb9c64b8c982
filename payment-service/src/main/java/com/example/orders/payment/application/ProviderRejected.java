package com.example.orders.payment.application;

/**
 * The provider refused the request itself (a 4xx other than a decline, say 409 for an idempotency key it knows with
 * another request): our request is at fault, not the provider. It is not retried at once and not held against the
 * provider's circuit (one bad request must not stop everybody's payments); for the payment it is no usable answer, so
 * the payment tries again in its next round and gives up at its deadline, as it does when the provider is away; but it
 * is not an outage. Logged as an error and counted ({@code payment_provider_rejections_total}): someone has a bug to
 * fix.
 */
public final class ProviderRejected extends ProviderNoAnswer {

    public ProviderRejected(String message) {
        super(message);
    }
}

package com.example.orders.payment.infrastructure.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** How payment-service reaches the external payment provider, and how hard it tries. Checked at startup. */
@ConfigMapping(prefix = "payment.provider")
public interface PaymentProviderConfig {

    /** Base URL of the provider (locally: the simulator ./suite up starts). */
    @WithDefault("http://127.0.0.1:8089")
    String url();

    /** Time limit of one call to the provider. */
    @WithDefault("PT2S")
    Duration timeout();

    Retry retry();

    CircuitBreaker circuitBreaker();

    /** After this long without a provider answer, an order is cancelled with PAYMENT_UNAVAILABLE. */
    @WithDefault("PT2M")
    @WithName("unavailable-deadline")
    Duration unavailableDeadline();

    interface Retry {

        @WithDefault("4")
        int maxAttempts();

        /** First wait between attempts; each later wait doubles. */
        @WithDefault("PT0.2S")
        Duration initialBackoff();
    }

    interface CircuitBreaker {

        /** Percentage of failed calls in the window that opens the circuit. */
        @WithDefault("50")
        int failureRateThreshold();

        @WithDefault("20")
        int slidingWindowSize();

        @WithDefault("PT5S")
        Duration waitInOpenState();
    }
}

package com.example.orders.payment.application;

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

    /** Time limit of one call to the provider (tok_slow answers after 3 s and must succeed). */
    @WithDefault("PT5S")
    Duration timeout();

    Retry retry();

    CircuitBreaker circuitBreaker();

    /** After this long without a provider answer, an order is cancelled with PAYMENT_UNAVAILABLE. */
    @WithDefault("PT2M")
    @WithName("unavailable-deadline")
    Duration unavailableDeadline();

    Calls calls();

    /** The workers that call the provider for the payments that are due. */
    interface Calls {

        /** Provider calls running at the same time. */
        @WithDefault("4")
        int concurrency();

        /**
         * How often the workers look for due calls when nothing woke them: a new payment wakes them at its commit, so
         * this finds retries whose time has come (and covers a missed notification).
         */
        @WithDefault("PT0.5S")
        Duration pollInterval();

        /** How long a worker holds a payment while it calls; another worker takes it over after (a crash). */
        @WithDefault("PT1M")
        Duration lease();

        /** The longest wait before a payment is tried again after a round of retries found no provider. */
        @WithDefault("PT5S")
        Duration maxWaitBetweenRounds();
    }

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

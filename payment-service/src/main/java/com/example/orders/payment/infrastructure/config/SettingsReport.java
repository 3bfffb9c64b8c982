package com.example.orders.payment.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.example.orders.payment.application.PaymentProviderConfig;

import io.quarkus.runtime.Startup;

/**
 * Logs the service's effective settings once at startup, for whoever reads the log during an incident. Reading them
 * also makes Quarkus check them before the service reports ready: a bad value stops it with one line.
 */
@Startup
@ApplicationScoped
class SettingsReport {

    private static final Logger LOG = Logger.getLogger(SettingsReport.class);

    SettingsReport(PaymentProviderConfig config) {
        LOG.infof(
                "settings: provider %s, timeout %s, %d attempts from %s backoff, circuit opens at %d%% of %d calls for %s, unavailable after %s",
                config.url(), config.timeout(), config.retry().maxAttempts(), config.retry().initialBackoff(),
                config.circuitBreaker().failureRateThreshold(), config.circuitBreaker().slidingWindowSize(),
                config.circuitBreaker().waitInOpenState(), config.unavailableDeadline());
    }
}

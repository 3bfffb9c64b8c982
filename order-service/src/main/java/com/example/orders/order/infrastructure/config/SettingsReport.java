package com.example.orders.order.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.example.orders.order.application.OrderServiceConfig;

import io.quarkus.runtime.Startup;

/**
 * Logs the service's effective settings once at startup, for whoever reads the log during an incident. Reading them
 * also makes Quarkus check them before the service reports ready: a bad value stops it with one line.
 */
@Startup
@ApplicationScoped
class SettingsReport {

    private static final Logger LOG = Logger.getLogger(SettingsReport.class);

    SettingsReport(OrderServiceConfig config) {
        if (config.sagaGiveUpAfter().compareTo(config.sagaDeadline()) <= 0) {
            throw new IllegalArgumentException("orders.saga-give-up-after (" + config.sagaGiveUpAfter()
                    + ") must be longer than orders.saga-deadline (" + config.sagaDeadline() + ")");
        }
        LOG.infof("settings: saga deadline %s, given up after %s (checked every %s)", config.sagaDeadline(),
                config.sagaGiveUpAfter(), config.sagaDeadlineCheckInterval());
    }
}

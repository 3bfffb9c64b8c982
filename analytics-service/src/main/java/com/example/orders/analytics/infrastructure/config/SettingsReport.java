package com.example.orders.analytics.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.example.orders.analytics.application.AnalyticsServiceConfig;

import io.quarkus.runtime.Startup;

/**
 * Logs the service's effective settings once at startup, for whoever reads the log during an incident. Reading them
 * also makes Quarkus check them before the service reports ready: a bad value stops it with one line.
 */
@Startup
@ApplicationScoped
class SettingsReport {

    private static final Logger LOG = Logger.getLogger(SettingsReport.class);

    SettingsReport(AnalyticsServiceConfig config) {
        LOG.infof("settings: %d top products, revenue in %s", config.topProducts(), config.currency());
    }
}

package com.example.orders.loyalty.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.example.orders.loyalty.application.LoyaltyServiceConfig;

import io.quarkus.runtime.Startup;

/**
 * Logs the service's effective settings once at startup, for whoever reads the log during an incident. Reading them
 * also makes Quarkus check them before the service reports ready: a bad value stops it with one line.
 */
@Startup
@ApplicationScoped
class SettingsReport {

    private static final Logger LOG = Logger.getLogger(SettingsReport.class);

    SettingsReport(LoyaltyServiceConfig config) {
        LOG.infof("settings: %d points per unit of a confirmed order's total", config.pointsPerUnit());
    }
}

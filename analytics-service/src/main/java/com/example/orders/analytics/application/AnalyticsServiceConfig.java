package com.example.orders.analytics.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** analytics-service's own settings, checked at startup. */
@ConfigMapping(prefix = "analytics")
public interface AnalyticsServiceConfig {

    /** How many products the summary lists as top products. */
    @WithDefault("5")
    int topProducts();

    /** The currency the summary's revenue is reported in (others are listed beside it). */
    @WithDefault("EUR")
    String currency();
}

package com.example.orders.loyalty.application;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** loyalty-service's own settings, checked at startup. */
@ConfigMapping(prefix = "loyalty")
public interface LoyaltyServiceConfig {

    /** Points a confirmed order earns per whole unit of its total ({@code LOYALTY_POINTS_PER_UNIT}). */
    @WithDefault("1")
    @Min(0)
    int pointsPerUnit();
}

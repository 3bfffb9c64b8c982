package com.example.orders.inventory.application;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** inventory-service's own settings, checked at startup. */
@ConfigMapping(prefix = "inventory")
public interface InventoryServiceConfig {

    /** The currency of catalogue prices when an item is stocked without one. */
    @WithDefault("EUR")
    String defaultCurrency();

    /**
     * How long a cancel that arrived before its order is remembered, so the late OrderCreated is rejected rather than
     * reserved.
     */
    @WithDefault("P7D")
    Duration earlyCancelMemory();
}

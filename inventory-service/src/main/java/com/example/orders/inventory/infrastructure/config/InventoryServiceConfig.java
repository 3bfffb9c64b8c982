package com.example.orders.inventory.infrastructure.config;

import java.time.Duration;
import java.util.Optional;

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

    /**
     * For incident drills only (RUNBOOK.md): an OrderCreated with a line of this SKU fails as a faulty release would,
     * so it goes to the dead-letter topic after its retries. Unset in every real deployment.
     */
    Optional<String> faultFailOnSku();
}

package com.example.orders.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the outbox relay publishes. */
@ConfigMapping(prefix = "platform.outbox")
public interface OutboxConfig {

    /** The relay wakes on every commit; this is only the fallback for a missed notification. */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** Events published per round trip to the broker. */
    @WithDefault("500")
    int batchSize();
}

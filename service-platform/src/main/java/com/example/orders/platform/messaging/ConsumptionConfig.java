package com.example.orders.platform.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How hard a consumer tries before a record goes to the dead-letter topic. */
@ConfigMapping(prefix = "platform.consumer")
public interface ConsumptionConfig {

    /** Attempts after the first failed one. */
    @WithDefault("3")
    int retries();

    @WithDefault("PT0.1S")
    Duration initialBackoff();

    @WithDefault("PT2S")
    Duration maxBackoff();
}

package com.example.orders.order.infrastructure.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** order-service's own settings, checked at startup: a bad value stops the service with one line. */
@ConfigMapping(prefix = "orders")
public interface OrderServiceConfig {

    /** How long an order may stay between PENDING and a final state before the service steps in. */
    @WithDefault("PT2M")
    Duration sagaDeadline();

    /** The most lines one order may have. */
    @WithDefault("50")
    int maxLines();
}

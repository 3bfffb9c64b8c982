package com.example.orders.order.application;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** order-service's own settings, checked at startup: a bad value stops the service with one line. */
@ConfigMapping(prefix = "orders")
public interface OrderServiceConfig {

    /**
     * How long an order may stay between PENDING and a final state before the service steps in: it records the order as
     * overdue (timeline, metric) and sends its OrderCreated again, for a consumer that never applied it.
     */
    @WithDefault("PT5M")
    Duration sagaDeadline();

    /**
     * How long after the placement an order that is still not final is cancelled, with compensation; counted from when
     * it was found overdue, plus the difference to {@link #sagaDeadline()}, when the service was not running at the
     * deadline. Longer than payment-service's provider deadline, which ends an outage with PAYMENT_UNAVAILABLE.
     */
    @WithDefault("PT30M")
    Duration sagaGiveUpAfter();

    /** How often the service looks for overdue orders. */
    @WithDefault("PT15S")
    Duration sagaDeadlineCheckInterval();
}

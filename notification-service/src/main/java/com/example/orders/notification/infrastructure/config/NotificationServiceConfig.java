package com.example.orders.notification.infrastructure.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** notification-service's own settings, checked at startup. */
@ConfigMapping(prefix = "notification")
public interface NotificationServiceConfig {

    /** The From address of every email. */
    @WithDefault("orders@order-platform.local")
    String sender();

    /** Where to write when an order carries no customer email: {@code <customerId>@<domain>}. */
    @WithDefault("customers.order-platform.local")
    String fallbackRecipientDomain();
}

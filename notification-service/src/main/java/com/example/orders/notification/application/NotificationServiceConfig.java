package com.example.orders.notification.application;

import java.time.Duration;

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

    Mail mail();

    /** The worker that sends the emails. */
    interface Mail {

        /**
         * How often it looks for emails to send when nothing woke it: a new email wakes it at its commit, so this finds
         * retries whose time has come (and covers a missed notification).
         */
        @WithDefault("PT1S")
        Duration pollInterval();

        /** How long it holds an email while sending; another worker takes it over after (a crash). */
        @WithDefault("PT1M")
        Duration lease();

        /** The wait before trying again when the mail server refused or could not be reached. */
        @WithDefault("PT5S")
        Duration retryAfter();
    }
}

package com.example.orders.localinfra;

import java.util.Locale;

import com.example.orders.events.Topics;

/**
 * The seven services of the suite (the saga's five, loyalty-service and the operators' console), with the local port
 * each listens on unless its environment says otherwise.
 */
public enum SuiteService {

    ORDER("order-service", 8081), INVENTORY("inventory-service", 8082), PAYMENT("payment-service",
            8083), NOTIFICATION("notification-service", 8084), ANALYTICS("analytics-service", 8085),
    /** The worked example of a consumer a new team adds (docs/adding-a-consumer.md). */
    LOYALTY("loyalty-service", 8086),
    /** The operators' console: every order's journey, dead letters, lag and replays (through the gateway). */
    CONSOLE("console-service", 8087);

    private final String serviceName;
    private final int defaultPort;

    SuiteService(String serviceName, int defaultPort) {
        this.serviceName = serviceName;
        this.defaultPort = defaultPort;
    }

    /** Also its Maven module, its consumer group and its {@code ce_source} ("/order-service"). */
    public String serviceName() {
        return serviceName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** {@code ORDER} for order-service: the prefix of {@code ORDER_DB_URL}, {@code ORDER_HTTP_PORT}, ... */
    public String environmentPrefix() {
        return name().toUpperCase(Locale.ROOT);
    }

    public String deadLetterTopic() {
        return Topics.deadLetterTopicOf(serviceName);
    }
}

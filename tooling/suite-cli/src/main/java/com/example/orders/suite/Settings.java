package com.example.orders.suite;

import java.util.Map;
import java.util.Optional;

import com.example.orders.localinfra.SuiteService;

/** The launcher's settings, from the environment (twelve-factor), with the defaults of CONTRACT §1. */
record Settings(Map<String, String> env) {

    int kafkaPort() {
        return port("KAFKA_PORT", 9092);
    }

    int kafkaControllerPort() {
        return port("KAFKA_CONTROLLER_PORT", 9093);
    }

    int postgresPort() {
        return port("POSTGRES_PORT", 5433);
    }

    int httpPort(SuiteService service) {
        return port(service.environmentPrefix() + "_HTTP_PORT", service.defaultPort());
    }

    /** An external broker: nothing embedded starts for Kafka. */
    Optional<String> externalKafka() {
        return value("KAFKA_BOOTSTRAP_SERVERS");
    }

    /** An external database for this service: nothing embedded starts for it. */
    Optional<String> externalDatabaseUrl(SuiteService service) {
        return value(service.environmentPrefix() + "_DB_URL");
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    private int port(String name, int fallback) {
        return value(name).map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new SuiteException(name + "=" + v + " is not a port number");
            }
        }).orElse(fallback);
    }
}

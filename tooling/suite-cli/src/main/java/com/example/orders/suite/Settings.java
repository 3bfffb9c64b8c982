package com.example.orders.suite;

import java.util.Map;
import java.util.Optional;

import com.example.orders.localinfra.SuiteService;

/** The launcher's settings, from the environment (twelve-factor), with the defaults of docs/contract.md §1. */
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

    /** The port of a service's replica: {@code <SERVICE>_HTTP_PORT_2}, by default the first instance's + 100. */
    int replicaHttpPort(SuiteService service) {
        return port(service.environmentPrefix() + "_HTTP_PORT_2", httpPort(service) + 100);
    }

    int gatewayPort() {
        return port("GATEWAY_PORT", 8080);
    }

    /** Requests per second per credential at the gateway (docs/contract.md §2: 50). */
    int gatewayRateLimit() {
        return number("GATEWAY_RATE_LIMIT", 50);
    }

    /** The burst above the rate the gateway lets through at once (docs/contract.md §2: 100). */
    int gatewayRateBurst() {
        return number("GATEWAY_RATE_BURST", 100);
    }

    int paymentProviderPort() {
        return port("PAYMENT_PROVIDER_PORT", 8089);
    }

    /** The payment provider the services call: PAYMENT_PROVIDER_URL names a real one, else the simulator. */
    String paymentProviderUrl() {
        return value("PAYMENT_PROVIDER_URL").orElse("http://127.0.0.1:" + paymentProviderPort());
    }

    /** The mail server: SMTP_HOST names a real one, else the local sink. */
    String smtpHost() {
        return value("SMTP_HOST").orElse("127.0.0.1");
    }

    int smtpPort() {
        return port("SMTP_PORT", 2525);
    }

    int smtpSinkApiPort() {
        return port("SMTP_SINK_API_PORT", 8025);
    }

    int traceViewerPort() {
        return port("TRACE_VIEWER_PORT", 9411);
    }

    /**
     * Why no trace viewer starts, if none does: a collector the environment names (the services export their spans
     * there), or {@code TRACE_VIEWER=off} (spans go nowhere, as for a benchmark that should not pay for them).
     */
    Optional<String> noTraceViewer() {
        return value("OTEL_EXPORTER_OTLP_ENDPOINT")
                .or(() -> value("TRACE_VIEWER").filter("off"::equals).map(off -> "off (TRACE_VIEWER=off)"));
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

    private int number(String name, int fallback) {
        return value(name).map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new SuiteException(name + "=" + v + " is not a number");
            }
        }).orElse(fallback);
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

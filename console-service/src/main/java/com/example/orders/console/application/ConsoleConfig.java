package com.example.orders.console.application;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The console's settings ({@code console.*} in application.properties). */
@ConfigMapping(prefix = "console")
public interface ConsoleConfig {

    /** Where a trace id links to, {@code {traceId}} replaced; none when empty. */
    Optional<String> traceLink();

    /** An open order older than this needs attention (order-service's {@code orders.saga-deadline}). */
    Duration overdueAfter();

    /**
     * The services whose admin endpoints the console asks (readiness, metrics, replays), as {@code name=url}:
     * {@code order-service=http://127.0.0.1:8081}.
     */
    Optional<List<String>> services();

    /** A group further behind than this needs attention on the overview. */
    long lagThreshold();

    /** The browser keeps a sign-in as long as the operator's token lasts, and never longer than this. */
    Duration sessionMaxAge();
}

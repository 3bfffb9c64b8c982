package com.example.orders.platform.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.BindException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;

class StartupFailureTest {

    @Test
    void namesATakenPortAndTheSettingThatMovesIt() {
        Throwable failure = new RuntimeException("Failed to start quarkus",
                new IllegalStateException("Port 8081 seems to be in use by another process.",
                        new BindException("Address already in use")));

        assertThat(StartupFailure.describe(failure)).contains("HTTP port").contains("already in use")
                .contains("_HTTP_PORT");
    }

    @Test
    void namesAnUnreachableDatabaseAndTheSettingThatPointsElsewhere() {
        Throwable failure = new RuntimeException("Failed to start quarkus",
                new SQLException("Unable to obtain connection from database: Connection to 127.0.0.1:5433 refused.",
                        new ConnectException("Connection refused")));

        assertThat(StartupFailure.describe(failure)).contains("database").contains("not reachable")
                .contains("Connection refused").contains("_DB_URL");
    }

    @Test
    void namesARefusedLogin() {
        Throwable failure = new RuntimeException("Failed to start quarkus",
                new SQLException("FATAL: password authentication failed for user \"order_service\""));

        assertThat(StartupFailure.describe(failure)).contains("refused the login").contains("_DB_PASSWORD");
    }

    @Test
    void namesAMissingSetting() {
        Throwable failure = new RuntimeException("Failed to start quarkus",
                new NoSuchElementException("SRCFG00011: Could not expand value ORDER_DB_PASSWORD in property "
                        + "quarkus.datasource.password"));

        assertThat(StartupFailure.describe(failure)).startsWith("bad configuration: ")
                .contains("ORDER_DB_PASSWORD");
    }

    @Test
    void namesTheSettingThatFailedValidationRatherThanTheHeading() {
        Throwable failure = new IllegalStateException("Configuration validation failed:\n\tSRCFG00039: The config "
                + "property orders.saga-deadline with the config value \"banana\" threw an Exception");

        assertThat(StartupFailure.describe(failure)).startsWith("bad configuration: SRCFG00039")
                .contains("orders.saga-deadline").contains("banana");
    }

    @Test
    void fallsBackToTheRootCauseInOneLine() {
        Throwable failure = new RuntimeException("outer", new IllegalStateException("the real reason\nand more"));

        assertThat(StartupFailure.describe(failure)).isEqualTo("IllegalStateException: the real reason");
    }
}

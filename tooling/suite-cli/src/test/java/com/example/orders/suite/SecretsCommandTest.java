package com.example.orders.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.orders.localinfra.RepositoryLayout;

/** {@code ./suite secrets}: the local secrets for docker compose and Kubernetes, made once and kept. */
class SecretsCommandTest {

    @TempDir
    Path suiteHome;

    @Test
    void makesEveryPasswordAndTheKeyPairOnceInAFileDockerComposeReadsAsAnEnvFile() throws IOException {
        assertThat(secrets()).isZero();
        Path file = suiteHome.resolve("secrets/database-passwords.properties");
        List<String> first = Files.readAllLines(file);

        assertThat(first.stream().filter(line -> !line.startsWith("#")))
                .allMatch(line -> line.matches("[A-Z_]+=[A-Za-z0-9_-]{20,}"))
                .extracting(line -> line.substring(0, line.indexOf('=')))
                .containsExactlyInAnyOrder("POSTGRES_ADMIN_PASSWORD", "ORDER_DB_PASSWORD", "INVENTORY_DB_PASSWORD",
                        "PAYMENT_DB_PASSWORD", "NOTIFICATION_DB_PASSWORD", "ANALYTICS_DB_PASSWORD",
                        "LOYALTY_DB_PASSWORD", "CONSOLE_DB_PASSWORD");
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(suiteHome.resolve("secrets/jwt-public.pem")).exists();
        assertThat(suiteHome.resolve("secrets/jwt-private.pem")).exists();

        assertThat(secrets()).isZero();
        assertThat(Files.readAllLines(file).stream().filter(line -> !line.startsWith("#")))
                .containsExactlyInAnyOrderElementsOf(first.stream().filter(line -> !line.startsWith("#")).toList());
    }

    private int secrets() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return SuiteCommand.run(RepositoryLayout.root(), Map.of("SUITE_HOME", suiteHome.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err, "secrets");
    }
}

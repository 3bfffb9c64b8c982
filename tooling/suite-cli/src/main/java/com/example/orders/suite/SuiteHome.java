package com.example.orders.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the suite keeps its local state, {@code .suite/} at the repository root unless {@code SUITE_HOME} says
 * otherwise: broker and database data (kept across {@code down}), logs, PID files, generated secrets and keys. Never
 * committed.
 */
record SuiteHome(Path repository, Path state) {

    static SuiteHome from(Path repository, Map<String, String> env) {
        String configured = env.get("SUITE_HOME");
        Path state = configured == null || configured.isBlank() ? repository.resolve(".suite") : Path.of(configured);
        return new SuiteHome(repository, state.toAbsolutePath().normalize());
    }

    Path logs() {
        return directory("logs");
    }

    Path log(String component) {
        return logs().resolve(component + ".log");
    }

    Path pids() {
        return directory("pids");
    }

    Path kafkaData() {
        return state.resolve("kafka");
    }

    Path postgresData() {
        return state.resolve("postgres");
    }

    /** The gateway's rendered configuration and nginx's own files. */
    Path gateway() {
        return directory("gateway");
    }

    /** The payment-provider simulator's ledger: what it charged survives its restarts. */
    Path paymentProviderData() {
        return state.resolve("payment-provider");
    }

    Path smtpSinkData() {
        return state.resolve("smtp-sink");
    }

    Path secrets() {
        return directory("secrets");
    }

    Path jwtPrivateKey() {
        return secrets().resolve("jwt-private.pem");
    }

    /** The services verify JWTs with this key. */
    Path jwtPublicKey() {
        return secrets().resolve("jwt-public.pem");
    }

    /**
     * The service's class-data archive: the classes its last run loaded, mapped at the next start instead of read,
     * parsed and verified again.
     */
    Path classArchive(String serviceName) {
        return directory("class-archives").resolve(serviceName + ".jsa");
    }

    Path serviceJar(String serviceName) {
        return repository.resolve(serviceName).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private Path directory(String name) {
        Path directory = state.resolve(name);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory;
    }
}

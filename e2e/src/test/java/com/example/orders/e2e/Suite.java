package com.example.orders.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.example.orders.localinfra.FreePort;
import com.example.orders.localinfra.RepositoryLayout;
import com.example.orders.localinfra.SuiteService;

/**
 * The whole suite as its users run it: the {@code ./suite} command of the repository, on free ports and a scratch
 * {@code SUITE_HOME}, so it never meets a suite a developer has running.
 */
final class Suite {

    record Result(int exitCode, String output) {
    }

    private final Path home;
    private final Map<String, String> env = new HashMap<>();
    private final SpanCollector spans = new SpanCollector();

    Suite() {
        try {
            home = Files.createTempDirectory("suite-e2e");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.put("SUITE_HOME", home.toString());
        for (String port : List.of("KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "POSTGRES_PORT", "PAYMENT_PROVIDER_PORT",
                "SMTP_PORT", "SMTP_SINK_API_PORT", "GATEWAY_PORT")) {
            env.put(port, Integer.toString(FreePort.find()));
        }
        for (SuiteService service : SuiteService.values()) {
            env.put(service.environmentPrefix() + "_HTTP_PORT", Integer.toString(FreePort.find()));
            env.put(service.environmentPrefix() + "_HTTP_PORT_2", Integer.toString(FreePort.find()));
        }
        // shorter rounds than in production, so an outage's end is noticed within a second or two
        env.put("PAYMENT_PROVIDER_CALLS_MAX_WAIT_BETWEEN_ROUNDS", "PT1S");
        env.put("PAYMENT_PROVIDER_CIRCUIT_BREAKER_WAIT_IN_OPEN_STATE", "PT2S");
        // a payment-service killed mid-call leaves its leases behind: the restarted one takes them over after this
        env.put("PAYMENT_PROVIDER_CALLS_LEASE", "PT10S");
        // every service exports its spans to the test's own OTLP receiver, as it would to a collector
        env.put("OTEL_EXPORTER_OTLP_ENDPOINT", spans.endpoint());
    }

    /** The spans the suite's services exported during the run. */
    SpanCollector spans() {
        return spans;
    }

    /** Stops the suite and the span receiver. */
    void down() {
        try {
            run("down");
        } finally {
            spans.close();
        }
    }

    Result run(String... args) {
        return run(Map.of(), args);
    }

    /** Runs {@code ./suite} with more environment than the suite's own, e.g. to start a service differently. */
    Result run(Map<String, String> moreEnvironment, String... args) {
        List<String> command = new ArrayList<>(List.of("./suite"));
        command.addAll(List.of(args));
        return exec(command, moreEnvironment);
    }

    /** Runs a command of the repository (a script, a tool) in the suite's environment. */
    Result exec(List<String> command) {
        return exec(command, Map.of());
    }

    private Result exec(List<String> command, Map<String, String> moreEnvironment) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(RepositoryLayout.root().toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().putAll(moreEnvironment);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Result up() {
        return run("up");
    }

    String token(String subject, String role) {
        Result token = run("token", "--sub", subject, "--role", role);
        if (token.exitCode() != 0) {
            throw new IllegalStateException(token.output());
        }
        return token.output().strip();
    }

    /** The PID of a component, from {@code ./suite status}. */
    Optional<Long> pidOf(String component) {
        return run("status").output().lines()
                .map(line -> line.trim().split("\\s+"))
                .filter(columns -> columns.length > 1 && columns[0].equals(component) && columns[1].matches("\\d+"))
                .map(columns -> Long.parseLong(columns[1]))
                .findFirst();
    }

    /** SIGKILL: the process gets no chance to finish anything. */
    void kill9(String component) {
        long pid = pidOf(component).orElseThrow(() -> new IllegalStateException(component + " is not running"));
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        try {
            new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot kill " + component, e);
        }
    }

    int port(String variable) {
        return Integer.parseInt(env.get(variable));
    }

    int httpPort(SuiteService service) {
        return port(service.environmentPrefix() + "_HTTP_PORT");
    }

    String kafkaBootstrapServers() {
        return "127.0.0.1:" + port("KAFKA_PORT");
    }

    Path home() {
        return home;
    }
}

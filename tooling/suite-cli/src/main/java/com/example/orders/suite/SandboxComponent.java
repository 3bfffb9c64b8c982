package com.example.orders.suite;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.example.orders.localinfra.FreePort;
import com.example.orders.localinfra.PidFile;
import com.example.orders.localinfra.RepositoryLayout;
import com.example.orders.sandbox.PaymentProviderSimulator;
import com.example.orders.sandbox.SmtpSink;
import com.example.orders.sandbox.StandIns;

/**
 * A helper process of the local suite, run on this JVM: a stand-in for the outside world (the payment-provider
 * simulator, the SMTP sink), from the sandbox's classpath, so that stopping it is a real outage; or the trace viewer
 * (Zipkin's server jar). When the environment names a real one (a provider URL, an SMTP host, a trace collector),
 * nothing starts.
 */
final class SandboxComponent implements Component {

    private final String name;
    /** What follows {@code java}: options, then the main class or the jar, then arguments. */
    private final Supplier<List<String>> launch;
    private final Map<String, String> environment;
    private final List<Integer> ports;
    private final String portVariables;
    private final URI healthUri;
    private final String address;
    private final Optional<String> external;
    private final SuiteHome home;
    private final PidFile pidFile;

    private SandboxComponent(String name, String commandMarker, Supplier<List<String>> launch,
            Map<String, String> environment, List<Integer> ports, String portVariables, URI healthUri, String address,
            Optional<String> external, SuiteHome home) {
        this.name = name;
        this.launch = launch;
        this.environment = environment;
        this.ports = ports;
        this.portVariables = portVariables;
        this.healthUri = healthUri;
        this.address = address;
        this.external = external;
        this.home = home;
        this.pidFile = new PidFile(home.pids().resolve(name + ".pid"), commandMarker);
    }

    static SandboxComponent paymentProvider(SuiteHome home, Settings settings) {
        int port = settings.paymentProviderPort();
        return standIn("payment-provider", PaymentProviderSimulator.class,
                List.of("--port", Integer.toString(port), "--data", home.paymentProviderData().toString()),
                List.of(port), "PAYMENT_PROVIDER_PORT", URI.create("http://127.0.0.1:" + port + "/health"),
                settings.paymentProviderUrl(), settings.value("PAYMENT_PROVIDER_URL"), home);
    }

    static SandboxComponent smtpSink(SuiteHome home, Settings settings) {
        int smtp = settings.smtpPort();
        int api = settings.smtpSinkApiPort();
        return standIn("smtp-sink", SmtpSink.class,
                List.of("--smtp-port", Integer.toString(smtp), "--api-port", Integer.toString(api), "--data",
                        home.smtpSinkData().toString()),
                List.of(smtp, api), "SMTP_PORT / SMTP_SINK_API_PORT",
                URI.create("http://127.0.0.1:" + api + "/health"),
                "smtp://" + settings.smtpHost() + ":" + smtp,
                settings.value("SMTP_HOST"), home);
    }

    /**
     * Zipkin's server on {@code TRACE_VIEWER_PORT} (9411), keeping the last spans in memory; external (nothing starts)
     * when {@code OTEL_EXPORTER_OTLP_ENDPOINT} names a collector of the user's own, or with {@code TRACE_VIEWER=off}.
     */
    static SandboxComponent traceViewer(SuiteHome home, Settings settings) {
        int port = settings.traceViewerPort();
        return new SandboxComponent("trace-viewer", "zipkin-server", () -> List.of("-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", traceViewerJar(),
                "--server.port=" + port), Map.of("MEM_MAX_SPANS", "200000"), List.of(port), "TRACE_VIEWER_PORT",
                URI.create("http://127.0.0.1:" + port + "/health"), "http://127.0.0.1:" + port,
                settings.noTraceViewer(), home);
    }

    private static SandboxComponent standIn(String name, Class<?> mainClass, List<String> arguments,
            List<Integer> ports, String portVariables, URI healthUri, String address, Optional<String> external,
            SuiteHome home) {
        Supplier<List<String>> launch = () -> {
            List<String> command = new ArrayList<>(StandIns.JAVA_OPTIONS);
            command.addAll(List.of("-cp", classpath(), mainClass.getName()));
            command.addAll(arguments);
            return command;
        };
        return new SandboxComponent(name, mainClass.getName(), launch, Map.of(), ports, portVariables, healthUri,
                address, external, home);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String address() {
        return external.orElse(address);
    }

    @Override
    public Optional<ProcessHandle> process() {
        return pidFile.process();
    }

    @Override
    public Health health() {
        if (external.isPresent()) {
            return Health.EXTERNAL;
        }
        if (process().isEmpty()) {
            return Health.STOPPED;
        }
        return healthStatus() == 200 ? Health.UP : Health.DOWN;
    }

    @Override
    public void start() {
        if (external.isPresent() || process().isPresent()) {
            return;
        }
        for (int port : ports) {
            if (FreePort.isListening(port)) {
                throw new SuiteException(name + ": port " + port + " is already in use by another process (set "
                        + portVariables + " to use another)");
            }
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(launch.get());
        Detached.start(home, name, pidFile, command, environment);
    }

    private static String classpath() {
        try {
            return RepositoryLayout.sandboxClasspath();
        } catch (IllegalStateException e) {
            throw new SuiteException(e.getMessage(), e);
        }
    }

    private static String traceViewerJar() {
        try {
            return RepositoryLayout.traceViewerJar().toString();
        } catch (IllegalStateException e) {
            throw new SuiteException(e.getMessage(), e);
        }
    }

    @Override
    public void awaitReady(Duration timeout) {
        if (external.isPresent()) {
            return;
        }
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (process().isEmpty()) {
                throw new SuiteException(name + ": exited while starting (see " + log() + ")");
            }
            if (healthStatus() == 200) {
                return;
            }
            Launcher.pause(Duration.ofMillis(200));
        }
        throw new SuiteException(name + ": not ready within " + timeout.toSeconds() + " s (see " + log() + ")");
    }

    private int healthStatus() {
        return HttpProbe.status(healthUri);
    }

    @Override
    public boolean stop() {
        return pidFile.stop(Duration.ofSeconds(10));
    }

    @Override
    public String log() {
        return external.isPresent() ? "-" : home.log(name).toString();
    }
}

package com.example.orders.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.example.orders.localinfra.FreePort;
import com.example.orders.localinfra.PidFile;
import com.example.orders.localinfra.ServiceDatabase;
import com.example.orders.localinfra.SuiteService;

/**
 * One of the five services, run from its packaged Quarkus jar as a process of its own; or its replica
 * ({@code <service>-2}): a second instance of the same jar, on its own port, with the same database and consumer group,
 * as the production overlay runs them.
 */
final class ServiceComponent implements Component {

    /**
     * The services' JVM options unless SUITE_JAVA_OPTS says otherwise. Five JVMs share this machine's cores with the
     * broker and the database, so the C1 compiler only ({@code TieredStopAtLevel=1}): with C2 as well, a fresh suite
     * under load spends its first minutes compiling (nothing completed in the first 80 s at 20 orders/s), though once
     * warm it completes 11-26 % more. A service keeps about 30 MB live, so a 32 MB young generation in a heap of at
     * most 256 MB: the suite in 1.95 GiB instead of 2.6, and no slower (see bench/results/README.md). A service with
     * cores of its own (a container, a pod) keeps the JVM's default.
     */
    static final String DEFAULT_JAVA_OPTS = "-Xmx256m -Xms48m -Xmn32m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    private final SuiteService service;
    private final boolean replica;
    private final SuiteHome home;
    private final Settings settings;
    private final PidFile pidFile;

    private ServiceComponent(SuiteService service, boolean replica, SuiteHome home, Settings settings) {
        this.service = service;
        this.replica = replica;
        this.home = home;
        this.settings = settings;
        this.pidFile = new PidFile(home.pids().resolve(name() + ".pid"),
                home.serviceJar(service.serviceName()).toString());
    }

    static ServiceComponent of(SuiteService service, SuiteHome home, Settings settings) {
        return new ServiceComponent(service, false, home, settings);
    }

    static ServiceComponent replicaOf(SuiteService service, SuiteHome home, Settings settings) {
        return new ServiceComponent(service, true, home, settings);
    }

    @Override
    public String name() {
        return replica ? service.serviceName() + "-2" : service.serviceName();
    }

    SuiteService service() {
        return service;
    }

    private int port() {
        return replica ? settings.replicaHttpPort(service) : settings.httpPort(service);
    }

    @Override
    public String address() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public Optional<ProcessHandle> process() {
        return pidFile.process();
    }

    @Override
    public Health health() {
        if (process().isEmpty()) {
            return Health.STOPPED;
        }
        return readinessStatus() == 200 ? Health.UP : Health.DOWN;
    }

    /** Starts the service against the given broker and database, unless it runs already. */
    void start(String kafkaBootstrapServers, ServiceDatabase database) {
        if (process().isPresent()) {
            return;
        }
        Path jar = home.serviceJar(service.serviceName());
        if (!Files.exists(jar)) {
            throw new SuiteException(name() + ": not built (" + jar + " is missing); run ./mvnw -DskipTests package");
        }
        if (FreePort.isListening(port())) {
            throw new SuiteException(name() + ": port " + port() + " is already in use by another process (set "
                    + service.environmentPrefix() + (replica ? "_HTTP_PORT_2" : "_HTTP_PORT") + " to use another)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(List.of(javaOptions(settings).split("\\s+")));
        command.addAll(classArchiveOptions(jar));
        command.addAll(List.of("-jar", jar.toString()));
        Detached.start(home, name(), pidFile, command, environment(kafkaBootstrapServers, database));
    }

    /**
     * Class-data sharing from the service's own archive ({@link SuiteHome#classArchive}): a run without an archive, or
     * with one older than the service's build, writes a new one when it stops; a run with a current one maps it. A
     * replica shares its service's archive and never writes it. The archive's own notes stay out of the service's log:
     * thousands of classes it skips at dump time, each a warning, and nothing the service's reader can act on (a stale
     * archive is never used).
     */
    private List<String> classArchiveOptions(Path jar) {
        Path archive = home.classArchive(service.serviceName());
        if (ClassArchives.current(archive, jar.getParent())) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        }
        return replica
                ? List.of()
                : List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** What the service reads from its environment to find its port, broker and database. */
    Map<String, String> environment(String kafkaBootstrapServers, ServiceDatabase database) {
        String prefix = service.environmentPrefix();
        Map<String, String> environment = new TreeMap<>(Map.of("QUARKUS_HTTP_HOST", "127.0.0.1",
                "JWT_PUBLIC_KEY_LOCATION", home.jwtPublicKey().toString(),
                "KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers,
                prefix + "_HTTP_PORT", Integer.toString(port()),
                prefix + "_DB_URL", database.url(),
                prefix + "_DB_USER", database.user(),
                prefix + "_DB_PASSWORD", database.password()));
        if (settings.noTraceViewer().isEmpty()) {
            // spans to the trace viewer ./suite up starts; a collector named by OTEL_EXPORTER_OTLP_ENDPOINT, which
            // the service inherits, takes them instead
            environment.put("OTEL_EXPORTER_ZIPKIN_ENDPOINT", "http://127.0.0.1:" + settings.traceViewerPort()
                    + "/api/v2/spans");
        }
        if (service == SuiteService.CONSOLE) {
            // the services whose readiness, metrics and replays the console asks for
            environment.put("CONSOLE_SERVICES", Arrays.stream(SuiteService.values())
                    .filter(other -> other != SuiteService.CONSOLE)
                    .map(other -> other.serviceName() + "=http://127.0.0.1:" + settings.httpPort(other))
                    .collect(Collectors.joining(",")));
            if (settings.noTraceViewer().isEmpty()) {
                // each step's trace id on an order's page links to its trace in the viewer
                environment.put("CONSOLE_TRACE_LINK", "http://127.0.0.1:" + settings.traceViewerPort()
                        + "/zipkin/traces/{traceId}");
            }
        }
        if (service == SuiteService.PAYMENT) {
            environment.put("PAYMENT_PROVIDER_URL", settings.paymentProviderUrl());
        }
        if (service == SuiteService.NOTIFICATION) {
            environment.put("SMTP_HOST", settings.smtpHost());
            environment.put("SMTP_PORT", Integer.toString(settings.smtpPort()));
        }
        return environment;
    }

    @Override
    public void start() {
        throw new UnsupportedOperationException("a service starts with its broker and database: start(String, ...)");
    }

    @Override
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (process().isEmpty()) {
                throw new SuiteException(whyItStopped());
            }
            if (readinessStatus() == 200) {
                return;
            }
            Launcher.pause(Duration.ofMillis(500));
        }
        throw new SuiteException(name() + ": not ready within " + timeout.toSeconds() + " s (see " + log() + ")");
    }

    private String whyItStopped() {
        try {
            Path log = home.log(name());
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).contains(" cannot start: ")) {
                    return lines.get(i);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // fall through to the generic reason
        }
        return name() + ": exited while starting (see " + log() + ")";
    }

    private int readinessStatus() {
        return HttpProbe.status(URI.create(address() + "/q/health/ready"));
    }

    /**
     * SIGTERM, then up to 30 s for the service to drain and exit; a run that writes its class archive as it exits gets
     * 120 s, for six services dumping theirs at once on two cores take longer than 30 s, and a kill loses the archive.
     */
    @Override
    public boolean stop() {
        boolean writesItsArchive = process().flatMap(running -> running.info().commandLine())
                .map(command -> command.contains("-XX:ArchiveClassesAtExit"))
                .orElse(false);
        return pidFile.stop(Duration.ofSeconds(writesItsArchive ? 120 : 30));
    }

    @Override
    public String log() {
        return home.log(name()).toString();
    }

    static String javaOptions(Settings settings) {
        return settings.value("SUITE_JAVA_OPTS").orElse(DEFAULT_JAVA_OPTS);
    }
}

package com.example.orders.suite;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.example.orders.localinfra.RepositoryLayout;
import com.example.orders.localinfra.SuiteService;

/**
 * A suite that {@code ./suite up} started, as a tool running beside it sees it (the benchmark, say): where each part
 * listens, a local token, the processes to watch. It reads the same environment with the same defaults as the launcher,
 * so a tool finds the suite wherever the launcher put it, and it starts nothing.
 */
public final class LocalSuite {

    /** A PostgreSQL server and the login that may create databases on it. */
    public record DatabaseServer(String host, int port, String user, String password) {
    }

    private final Launcher launcher;
    private final Settings settings;

    LocalSuite(Path repository, Map<String, String> env) {
        this.launcher = new Launcher(repository, env, new PrintStream(OutputStream.nullOutputStream()));
        this.settings = launcher.settings();
    }

    /** The suite of this repository, configured by this process's environment. */
    public static LocalSuite fromEnvironment() {
        return new LocalSuite(RepositoryLayout.root(), System.getenv());
    }

    public URI gateway() {
        return URI.create("http://127.0.0.1:" + settings.gatewayPort());
    }

    /** A service's first instance, directly (not through the gateway). */
    public URI service(SuiteService service) {
        return URI.create("http://127.0.0.1:" + settings.httpPort(service));
    }

    public URI paymentProvider() {
        return URI.create(settings.paymentProviderUrl());
    }

    /**
     * @throws SuiteException
     *             when the broker is not running
     */
    public String kafkaBootstrapServers() {
        return launcher.brokerForOperations();
    }

    /** A JWT signed with the suite's local key, as {@code ./suite token} prints it. */
    public String token(String subject, String role, Duration lifetime) {
        return launcher.token(subject, role, lifetime);
    }

    /** What runs now, by component name (broker, database, stand-ins, services, replicas, gateway). */
    public Map<String, ProcessHandle> processes() {
        return launcher.processes();
    }

    /** The embedded PostgreSQL server, while it runs; empty when every service uses an external database. */
    public Optional<DatabaseServer> embeddedDatabaseServer() {
        return launcher.embeddedDatabaseServer();
    }

    /**
     * The JVM options the services run with, read from the running order-service's command line (the launcher gives all
     * five the same); while it does not run, the options the launcher would start it with. The tool's own environment
     * may differ from the one the suite was started in, so the process is asked, not the settings.
     */
    public String serviceJavaOptions() {
        return Optional.ofNullable(processes().get(SuiteService.ORDER.serviceName()))
                .flatMap(process -> process.info().arguments())
                .map(LocalSuite::javaOptionsOf)
                .orElseGet(() -> ServiceComponent.javaOptions(settings));
    }

    /** The options before {@code -jar}, a class-data archive named by its option alone (its path says nothing). */
    static String javaOptionsOf(String[] arguments) {
        List<String> options = new ArrayList<>();
        for (String argument : arguments) {
            if (argument.equals("-jar")) {
                break;
            }
            options.add(argument.replaceFirst("^(-XX:SharedArchiveFile|-XX:ArchiveClassesAtExit)=.*", "$1"));
        }
        return String.join(" ", options);
    }

    /** The classpath of Kafka's own broker and tools ({@code kafka-tools}), as the launcher runs them. */
    public String kafkaToolsClasspath() {
        return RepositoryLayout.brokerClasspath();
    }
}

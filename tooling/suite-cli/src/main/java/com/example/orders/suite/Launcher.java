package com.example.orders.suite;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.example.orders.localinfra.JwtKeys;
import com.example.orders.localinfra.PostgresServer;
import com.example.orders.localinfra.ServiceDatabase;
import com.example.orders.localinfra.SuiteService;
import com.example.orders.operations.HttpServiceOperations;
import com.example.orders.operations.Replay;

/**
 * Starts, shows and stops the local suite. The order is the topology: broker and database first, then the stand-ins for
 * the outside world (payment provider, mail server), then the services (each needs the broker and its database to be
 * ready), and the reverse on the way down.
 */
final class Launcher {

    private final SuiteHome home;
    private final Settings settings;
    private final PrintStream out;
    private final KafkaComponent kafka;
    private final PostgresComponent postgres;
    private final Secrets secrets;
    /** The outside world's stand-ins and the trace viewer. */
    private final List<SandboxComponent> helpers;
    private final GatewayComponent gateway;
    private final List<ServiceComponent> services = new ArrayList<>();
    private final List<ServiceComponent> replicas = new ArrayList<>();

    Launcher(Path repository, Map<String, String> env, PrintStream out) {
        this.home = SuiteHome.from(repository, env);
        this.settings = new Settings(env);
        this.out = out;
        this.kafka = new KafkaComponent(home, settings);
        this.secrets = new Secrets(home, settings);
        this.postgres = new PostgresComponent(home, settings, secrets);
        this.helpers = List.of(SandboxComponent.paymentProvider(home, settings),
                SandboxComponent.smtpSink(home, settings), SandboxComponent.traceViewer(home, settings));
        this.gateway = new GatewayComponent(home, settings);
        for (SuiteService service : SuiteService.values()) {
            services.add(ServiceComponent.of(service, home, settings));
            replicas.add(ServiceComponent.replicaOf(service, home, settings));
        }
    }

    /** @return the exit code: 0 when everything is up */
    int up() {
        return up(List.of());
    }

    /**
     * Starts whatever is not running, and a replica ({@code <service>-2}) of each service named, then waits until every
     * component answers ready (replicas that run already included).
     *
     * @return the exit code: 0 when everything is up
     */
    int up(List<String> replicasOf) {
        List<ServiceComponent> wantedReplicas = new ArrayList<>();
        for (String name : replicasOf) {
            wantedReplicas.add(replicas.stream().filter(r -> r.service().serviceName().equals(name)).findFirst()
                    .orElseThrow(() -> new SuiteException("no service named " + name + "; the services are "
                            + services.stream().map(Component::name).toList())));
        }
        Duration readyTimeout = Duration.ofSeconds(
                settings.value("SUITE_READY_TIMEOUT_SECONDS").map(Integer::parseInt).orElse(120));
        devKeys().ensureKeys();

        startInfrastructure(kafka, readyTimeout);
        startInfrastructure(postgres, readyTimeout);
        for (SandboxComponent helper : helpers) {
            startInfrastructure(helper, readyTimeout);
        }
        Map<SuiteService, ServiceDatabase> databases = postgres.databases();

        List<ServiceComponent> started = new ArrayList<>();
        List<ServiceComponent> instances = new ArrayList<>(services);
        for (ServiceComponent replica : replicas) {
            if (wantedReplicas.contains(replica) || replica.process().isPresent()) {
                instances.add(replica);
            }
        }
        for (ServiceComponent service : instances) {
            Optional<ProcessHandle> running = service.process();
            if (running.isPresent()) {
                out.println(service.name() + ": already running (pid " + running.get().pid() + ")");
                continue;
            }
            service.start(kafka.bootstrapServers(), databases.get(service.service()));
            started.add(service);
        }
        List<String> failures = new ArrayList<>();
        // a service that was running is waited for too: after a broker or database outage it may not be ready yet
        for (ServiceComponent service : instances) {
            try {
                service.awaitReady(readyTimeout);
                if (started.contains(service)) {
                    out.println(service.name() + ": started (pid " + service.process().map(ProcessHandle::pid)
                            .orElse(-1L) + ")");
                }
            } catch (SuiteException e) {
                failures.add(e.getMessage());
            }
        }
        try {
            startInfrastructure(gateway, readyTimeout);
        } catch (SuiteException e) {
            failures.add(e.getMessage());
        }
        out.println();
        for (Component notReady : printTable()) {
            if (failures.stream().noneMatch(failure -> failure.startsWith(notReady.name() + ":"))) {
                failures.add(notReady.name() + ": not ready (see " + relative(notReady.log()) + ")");
            }
        }
        failures.forEach(failure -> out.println("FAILED " + failure));
        return failures.isEmpty() ? 0 : 1;
    }

    private void startInfrastructure(Component component, Duration readyTimeout) {
        Optional<ProcessHandle> running = component.process();
        if (running.isPresent()) {
            out.println(component.name() + ": already running (pid " + running.get().pid() + ")");
        } else if (component.health() == Component.Health.EXTERNAL) {
            out.println(component.name() + ": external, at " + component.address());
        } else {
            component.start();
            out.println(component.name() + ": started (pid " + component.process().map(ProcessHandle::pid)
                    .orElse(-1L) + ")");
        }
        component.awaitReady(readyTimeout);
    }

    /**
     * Stops the named components, or everything when none is named: the gateway and the services together (each takes
     * seconds to leave its consumer groups, and none needs another to stop), then the outside world's stand-ins and the
     * trace viewer, then the database and the broker.
     */
    int down(List<String> names) {
        List<Component> applications = new ArrayList<>();
        applications.add(gateway);
        applications.addAll(replicas);
        List<Component> reverse = new ArrayList<>(services);
        Collections.reverse(reverse);
        applications.addAll(reverse);
        List<Component> infrastructure = new ArrayList<>(helpers);
        infrastructure.add(postgres);
        infrastructure.add(kafka);
        List<Component> all = new ArrayList<>(applications);
        all.addAll(infrastructure);
        for (String name : names) {
            if (all.stream().noneMatch(c -> c.name().equals(name))) {
                throw new SuiteException("no component named " + name + "; the components are "
                        + all.stream().map(Component::name).toList());
            }
        }
        List<CompletableFuture<String>> stopping = new ArrayList<>();
        for (Component component : applications) {
            if (toStop(component, names)) {
                stopping.add(CompletableFuture.supplyAsync(() -> stop(component), Launcher::onItsOwnThread));
            }
        }
        stopping.forEach(stop -> out.println(stop.join()));
        for (Component component : infrastructure) {
            if (toStop(component, names)) {
                out.println(stop(component));
            }
        }
        return 0;
    }

    private boolean toStop(Component component, List<String> names) {
        if (!names.isEmpty()) {
            return names.contains(component.name());
        }
        // replicas run only when asked for: stopping all does not report each one not running
        return !replicas.contains(component) || component.process().isPresent();
    }

    private static String stop(Component component) {
        Optional<Long> pid = component.process().map(ProcessHandle::pid);
        return component.stop()
                ? component.name() + ": stopped (pid " + pid.orElse(-1L) + ")"
                : component.name() + ": not running";
    }

    private static void onItsOwnThread(Runnable work) {
        Thread thread = new Thread(work, "suite-down");
        thread.setDaemon(true);
        thread.start();
    }

    /** @return 0 when every component is up (or external), 1 otherwise */
    int status() {
        return printTable().isEmpty() ? 0 : 1;
    }

    /** @return the components that are not up */
    private List<Component> printTable() {
        // replicas run only when asked for: one that does not run is not shown
        List<Component> all = components().stream()
                .filter(component -> !replicas.contains(component) || component.process().isPresent())
                .toList();
        String format = "%-22s %-8s %-26s %-9s %s%n";
        out.printf(format, "COMPONENT", "PID", "ADDRESS", "STATUS", "LOG");
        List<Component> notUp = new ArrayList<>();
        for (Component component : all) {
            Component.Health health = component.health();
            if (health != Component.Health.UP && health != Component.Health.EXTERNAL) {
                notUp.add(component);
            }
            out.printf(format, component.name(),
                    component.process().map(p -> Long.toString(p.pid())).orElse("-"), component.address(), health,
                    relative(component.log()));
        }
        return notUp;
    }

    private String relative(String log) {
        Path path = Path.of(log);
        Path cwd = Path.of("").toAbsolutePath();
        return path.isAbsolute() && path.startsWith(cwd) ? cwd.relativize(path).toString() : log;
    }

    /** Every component, in start order: broker, database, stand-ins, trace viewer, services, replicas, gateway. */
    private List<Component> components() {
        List<Component> all = new ArrayList<>();
        all.add(kafka);
        all.add(postgres);
        all.addAll(helpers);
        all.addAll(services);
        all.addAll(replicas);
        all.add(gateway);
        return all;
    }

    /** The processes the launcher started that run now, by component name (replicas included), in start order. */
    Map<String, ProcessHandle> processes() {
        Map<String, ProcessHandle> running = new LinkedHashMap<>();
        components().forEach(component -> component.process()
                .ifPresent(process -> running.put(component.name(), process)));
        return running;
    }

    Settings settings() {
        return settings;
    }

    /** The embedded PostgreSQL server's superuser login, while it runs. */
    Optional<LocalSuite.DatabaseServer> embeddedDatabaseServer() {
        if (postgres.health() != Component.Health.UP) {
            return Optional.empty();
        }
        return Optional.of(new LocalSuite.DatabaseServer("127.0.0.1", settings.postgresPort(), PostgresServer.ADMIN,
                secrets.postgresAdminPassword()));
    }

    /**
     * The environment a service needs to run outside the launcher (in dev mode, a debugger, a profiler) against the
     * suite's broker and its own database, as shell exports.
     */
    List<String> environmentOf(String serviceName) {
        ServiceComponent service = serviceNamed(serviceName)
                .orElseThrow(() -> new SuiteException("no service named " + serviceName + "; the services are "
                        + services.stream().map(Component::name).toList()));
        if (kafka.health() == Component.Health.STOPPED || postgres.health() == Component.Health.STOPPED) {
            throw new SuiteException("the broker and the database must run first: ./suite up");
        }
        return service.environment(kafka.bootstrapServers(), postgres.databases().get(service.service()))
                .entrySet()
                .stream()
                .map(e -> "export " + e.getKey() + "='" + e.getValue().replace("'", "'\\''") + "'")
                .sorted()
                .toList();
    }

    /**
     * Makes (or keeps) the local secrets without starting anything, for runtimes other than this launcher: the JWT key
     * pair and every database password, in a file docker compose reads as an env file.
     *
     * @return the secrets file
     */
    Path secrets() {
        devKeys().ensureKeys();
        secrets.postgresAdminPassword();
        for (SuiteService service : SuiteService.values()) {
            secrets.databasePassword(service);
        }
        return secrets.file();
    }

    /** The broker, for the operations commands (dead letters, replay); it must be running. */
    String brokerForOperations() {
        Component.Health health = kafka.health();
        if (health == Component.Health.STOPPED || health == Component.Health.DOWN) {
            throw new SuiteException("the broker is not running: ./suite up (or name one with "
                    + "KAFKA_BOOTSTRAP_SERVERS)");
        }
        return kafka.bootstrapServers();
    }

    /**
     * The {@code /ops} endpoints of a running consumer group's service: the one named, or the suite's own service of
     * that name, as an operator (SUITE_ADMIN_TOKEN, or an admin token signed with the local key).
     */
    Replay.ServiceOperations operationsOf(String group, Optional<URI> url, Duration patience) {
        URI base = url.orElseGet(() -> serviceNamed(group)
                .map(service -> URI.create(service.address()))
                .orElseThrow(() -> new SuiteException(group + " is running and is not a service of this suite: "
                        + "name one of its instances with --service-url")));
        String token = settings.value("SUITE_ADMIN_TOKEN")
                .orElseGet(() -> token("on-call", "admin", Duration.ofHours(1)));
        return new HttpServiceOperations(base, token, patience);
    }

    private Optional<ServiceComponent> serviceNamed(String name) {
        return services.stream().filter(service -> service.name().equals(name)).findFirst();
    }

    Path jwtPublicKey() {
        return home.jwtPublicKey();
    }

    String token(String subject, String role, Duration lifetime) {
        return devKeys().sign(subject, role, lifetime);
    }

    private JwtKeys devKeys() {
        return new JwtKeys(home.jwtPrivateKey(), home.jwtPublicKey());
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SuiteException("interrupted");
        }
    }
}

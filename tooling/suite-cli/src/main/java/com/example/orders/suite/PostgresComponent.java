package com.example.orders.suite;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import com.example.orders.localinfra.DatabaseProvisioner;
import com.example.orders.localinfra.FreePort;
import com.example.orders.localinfra.PostgresServer;
import com.example.orders.localinfra.ServiceDatabase;
import com.example.orders.localinfra.SuiteService;

/**
 * The embedded PostgreSQL server hosting every service's database (data kept in {@code .suite/postgres}). A service
 * whose {@code <SERVICE>_DB_URL} is set uses that server instead and gets nothing from this one.
 */
final class PostgresComponent implements Component {

    private final SuiteHome home;
    private final Settings settings;
    private final Secrets secrets;

    PostgresComponent(SuiteHome home, Settings settings, Secrets secrets) {
        this.home = home;
        this.settings = settings;
        this.secrets = secrets;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public String address() {
        return "127.0.0.1:" + settings.postgresPort();
    }

    /** True when at least one service keeps its database here. */
    boolean isNeeded() {
        for (SuiteService service : SuiteService.values()) {
            if (settings.externalDatabaseUrl(service).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<ProcessHandle> process() {
        return PostgresServer.runningOn(home.postgresData());
    }

    @Override
    public Health health() {
        if (!isNeeded()) {
            return Health.EXTERNAL;
        }
        if (process().isEmpty()) {
            return Health.STOPPED;
        }
        return FreePort.isListening(settings.postgresPort()) ? Health.UP : Health.DOWN;
    }

    @Override
    public void start() {
        if (!isNeeded() || process().isPresent()) {
            return;
        }
        if (FreePort.isListening(settings.postgresPort())) {
            throw new SuiteException("postgres: port " + settings.postgresPort()
                    + " is already in use by another process (set POSTGRES_PORT to use another)");
        }
        // not closed on purpose: the server outlives the launcher and `./suite down` stops it by PID
        PostgresServer.start(home.postgresData(), settings.postgresPort(), home.log(name()), false,
                secrets.postgresAdminPassword());
    }

    @Override
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (isNeeded() && !FreePort.isListening(settings.postgresPort())) {
            if (Instant.now().isAfter(deadline)) {
                throw new SuiteException("postgres: not ready within " + timeout.toSeconds() + " s (see " + log()
                        + ")");
            }
            Launcher.pause(Duration.ofMillis(200));
        }
    }

    /** Each service's database: the external one its environment names, else its own database here. */
    Map<SuiteService, ServiceDatabase> databases() {
        Map<SuiteService, ServiceDatabase> databases = new EnumMap<>(SuiteService.class);
        for (SuiteService service : SuiteService.values()) {
            String prefix = service.environmentPrefix();
            databases.put(service, settings.externalDatabaseUrl(service)
                    .map(url -> new ServiceDatabase(url,
                            settings.value(prefix + "_DB_USER").orElse(ServiceDatabase.databaseNameOf(service
                                    .serviceName())),
                            settings.value(prefix + "_DB_PASSWORD").orElse("")))
                    .orElseGet(() -> provision(service)));
        }
        return databases;
    }

    private ServiceDatabase provision(SuiteService service) {
        try (Connection connection = PostgresServer.connectAsAdmin(settings.postgresPort(),
                secrets.postgresAdminPassword())) {
            return DatabaseProvisioner.provision(connection, "127.0.0.1", settings.postgresPort(),
                    service.serviceName(), secrets.databasePassword(service));
        } catch (SQLException e) {
            throw new SuiteException("postgres: cannot provision the database of " + service.serviceName() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public boolean stop() {
        return PostgresServer.pidFileOf(home.postgresData()).stop(Duration.ofSeconds(30));
    }

    @Override
    public String log() {
        return isNeeded() ? home.log(name()).toString() : "-";
    }
}

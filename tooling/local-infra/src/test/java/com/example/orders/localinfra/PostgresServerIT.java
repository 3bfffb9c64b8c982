package com.example.orders.localinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerIT {

    private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();

    @TempDir
    static Path dataDirectory;
    static PostgresServer server;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.start(dataDirectory.resolve("pg"), FreePort.find(), dataDirectory.resolve("pg.log"),
                true, ADMIN_PASSWORD);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void givesEachServiceItsOwnDatabaseAndLogin() throws SQLException {
        ServiceDatabase orders = server.provision("order-service", "secret-1");

        assertThat(orders.url()).endsWith("/order_service");
        try (Connection connection = DriverManager.getConnection(orders.jdbcUrl(), orders.user(), orders.password());
                ResultSet row = connection.createStatement().executeQuery("select current_database(), current_user")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo("order_service");
            assertThat(row.getString(2)).isEqualTo("order_service");
        }
    }

    @Test
    void refusesAServiceLoginOnAnotherServicesDatabase() {
        ServiceDatabase orders = server.provision("order-service", "secret-1");
        ServiceDatabase inventory = server.provision("inventory-service", "secret-2");

        assertThatThrownBy(() -> DriverManager.getConnection(orders.jdbcUrl(), inventory.user(), inventory.password())
                .close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied for database \"order_service\"");
    }

    @Test
    void everyLoginProvesItsPasswordTheSuperusersIncluded() {
        ServiceDatabase orders = server.provision("order-service", "secret-1");

        assertThatThrownBy(() -> DriverManager.getConnection(orders.jdbcUrl(), orders.user(), "secret-2").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed for user \"order_service\"");
        assertThatThrownBy(() -> PostgresServer.connectAsAdmin(server.port(), "").close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> PostgresServer.connectAsAdmin(server.port(), "guess").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed for user \"postgres\"");
    }

    @Test
    void aRestartedServerStillRequiresThePasswordsAndKnowsThem() throws SQLException {
        ServiceDatabase payments = server.provision("payment-service", "secret-4");

        server.stop();
        server.start();

        try (Connection connection = DriverManager.getConnection(payments.jdbcUrl(), payments.user(),
                payments.password())) {
            assertThat(connection.isValid(5)).isTrue();
        }
        assertThatThrownBy(() -> DriverManager.getConnection(payments.jdbcUrl(), payments.user(), "secret-5")
                .close())
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void provisioningTwiceKeepsTheDatabase() throws SQLException {
        ServiceDatabase first = server.provision("analytics-service", "secret-3");
        try (Connection connection = DriverManager.getConnection(first.jdbcUrl(), first.user(), first.password())) {
            connection.createStatement().execute("create table if not exists kept (id int)");
        }

        ServiceDatabase again = server.provision("analytics-service", "secret-3");

        try (Connection connection = DriverManager.getConnection(again.jdbcUrl(), again.user(), again.password());
                ResultSet row = connection.createStatement().executeQuery("select count(*) from kept")) {
            assertThat(row.next()).isTrue();
        }
    }

    @Test
    void acknowledgesACommitOnlyOnceItIsOnDisk() throws SQLException {
        ServiceDatabase orders = server.provision("order-service", "secret-1");

        try (Connection connection = DriverManager.getConnection(orders.jdbcUrl(), orders.user(), orders.password())) {
            assertThat(setting(connection, "fsync")).isEqualTo("on");
            assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(connection, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void aServerKilledRightAfterItsCommitsKeepsEveryOneOfThem() throws Exception {
        ServiceDatabase inventory = server.provision("inventory-service", "secret-2");
        try (Connection connection = DriverManager.getConnection(inventory.jdbcUrl(), inventory.user(),
                inventory.password())) {
            connection.createStatement().execute("create table if not exists acknowledged (n int)");
            connection.createStatement().execute("truncate acknowledged");
            // one transaction per row, each acknowledged (autocommit) before the next; with synchronous_commit off
            // the last few live only in PostgreSQL's memory when the kill lands
            var insert = connection.prepareStatement("insert into acknowledged values (?)");
            for (int n = 1; n <= 500; n++) {
                insert.setInt(1, n);
                insert.executeUpdate();
            }
        }
        ProcessHandle postmaster = PostgresServer.runningOn(server.dataDirectory()).orElseThrow();

        postmaster.destroyForcibly();
        postmaster.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        server.stop();
        server.start();

        try (Connection connection = DriverManager.getConnection(inventory.jdbcUrl(), inventory.user(),
                inventory.password());
                ResultSet row = connection.createStatement().executeQuery("select count(*) from acknowledged")) {
            row.next();
            assertThat(row.getInt(1)).as("acknowledged commits after kill -9").isEqualTo(500);
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery("show " + name)) {
            row.next();
            return row.getString(1);
        }
    }

    @Test
    void refusesASecondServerOnTheSameDataDirectory() {
        assertThatThrownBy(() -> PostgresServer.start(server.dataDirectory(), FreePort.find(),
                dataDirectory.resolve("second.log"), true, ADMIN_PASSWORD))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already runs on");
    }
}

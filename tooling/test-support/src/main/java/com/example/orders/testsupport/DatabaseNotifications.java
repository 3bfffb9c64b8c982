package com.example.orders.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens, as the service under test does, on a PostgreSQL notification channel of its database: to show that a trigger
 * wakes a background worker when its work commits (platform {@code CommitNotifications}).
 */
public final class DatabaseNotifications implements AutoCloseable {

    private final Connection connection;
    private final String channel;

    private DatabaseNotifications(Connection connection, String channel) {
        this.connection = connection;
        this.channel = channel;
    }

    /** LISTEN on {@code channel} in the service's own database, with its own login. */
    public static DatabaseNotifications listen(String channel) throws SQLException {
        var config = ConfigProvider.getConfig();
        Connection connection = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
        try (Statement statement = connection.createStatement()) {
            statement.execute("listen " + channel);
        }
        return new DatabaseNotifications(connection, channel);
    }

    /** The notifications of the channel that arrive within {@code patience} (waits for the first, then drains). */
    public List<String> awaitSome(Duration patience) throws SQLException {
        List<String> received = new ArrayList<>();
        long end = System.nanoTime() + patience.toNanos();
        while (received.isEmpty() && System.nanoTime() < end) {
            int waitMillis = (int) Math.max(1, Math.min(500, (end - System.nanoTime()) / 1_000_000));
            PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(waitMillis);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    if (notification.getName().equals(channel)) {
                        received.add(notification.getName());
                    }
                }
            }
        }
        return received;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}

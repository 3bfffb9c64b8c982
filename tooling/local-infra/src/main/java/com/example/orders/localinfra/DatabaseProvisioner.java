package com.example.orders.localinfra;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Gives a service its own database and login on a PostgreSQL server, through an administrator's connection, and closes
 * that database to every other login. Idempotent: provisioning again keeps the data and sets the password again, so a
 * rotated secret takes effect.
 */
public final class DatabaseProvisioner {

    public static ServiceDatabase provision(Connection admin, String host, int port, String serviceName,
            String password) throws SQLException {
        String name = ServiceDatabase.databaseNameOf(serviceName);
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a service name: " + serviceName);
        }
        try (Statement sql = admin.createStatement()) {
            if (!exists(admin, "select 1 from pg_roles where rolname = ?", name)) {
                sql.execute("create role " + name + " login");
            }
            sql.execute("alter role " + name + " with login password " + literal(password));
            if (!exists(admin, "select 1 from pg_database where datname = ?", name)) {
                sql.execute("create database " + name + " owner " + name);
            }
            sql.execute("revoke all on database " + name + " from public");
            sql.execute("grant connect, create, temporary on database " + name + " to " + name);
        }
        return new ServiceDatabase("postgresql://" + host + ":" + port + "/" + name, name, password);
    }

    /** A string literal for a statement that takes no parameters ({@code alter role … password}). */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private DatabaseProvisioner() {
    }
}

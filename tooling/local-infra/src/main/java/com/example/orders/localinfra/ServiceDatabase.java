package com.example.orders.localinfra;

/**
 * Where one service's private database lives and the login that reaches it (and no other database).
 *
 * @param url
 *            {@code postgresql://host:port/database}, the form of {@code <SERVICE>_DB_URL}; prefix it with
 *            {@code jdbc:} for JDBC
 */
public record ServiceDatabase(String url, String user, String password) {

    public String jdbcUrl() {
        return "jdbc:" + url;
    }

    /** By convention {@code order-service} owns database and login {@code order_service}. */
    public static String databaseNameOf(String serviceName) {
        return serviceName.replace('-', '_');
    }

    /** {@code order-service} reads {@code ORDER_DB_URL}, {@code ORDER_DB_USER}, {@code ORDER_DB_PASSWORD}. */
    public static String environmentPrefixOf(String serviceName) {
        return serviceName.replaceFirst("-service$", "").replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    }
}

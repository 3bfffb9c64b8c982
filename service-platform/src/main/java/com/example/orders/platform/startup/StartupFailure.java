package com.example.orders.platform.startup;

import java.net.BindException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Turns why a service failed to start into one sentence an operator can act on: what is wrong and which setting changes
 * it. The full chain of causes is searched, because frameworks wrap the failure that matters.
 */
final class StartupFailure {

    static String describe(Throwable failure) {
        List<Throwable> chain = causes(failure);
        for (Throwable cause : chain) {
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof BindException || message.contains("seems to be in use")
                    || message.contains("Address already in use")) {
                return "its HTTP port " + setting("quarkus.http.port").orElse("?")
                        + " is already in use by another process (set " + envPrefix() + "_HTTP_PORT to use another)";
            }
        }
        for (Throwable cause : chain) {
            String message = String.valueOf(cause.getMessage());
            if (isDatabaseFailure(cause)) {
                String database = setting("quarkus.datasource.reactive.url").orElse("?");
                if (message.contains("password authentication failed") || message.contains("permission denied")) {
                    return "its database " + database + " refused the login " + setting("quarkus.datasource.username")
                            .orElse("?") + " (check " + envPrefix() + "_DB_USER and " + envPrefix()
                            + "_DB_PASSWORD)";
                }
                if (message.contains("does not exist")) {
                    return "its database " + database + " does not exist (" + firstLine(message) + ")";
                }
                if (isUnreachable(chain)) {
                    return "its database " + database + " is not reachable (" + deepestMessage(chain)
                            + "; set " + envPrefix() + "_DB_URL)";
                }
            }
        }
        for (Throwable cause : chain) {
            // SmallRye Config's messages carry SRCFG codes, whatever exception type wraps them
            if (cause instanceof NoSuchElementException || cause.getClass().getSimpleName().contains("Config")
                    || String.valueOf(cause.getMessage()).contains("SRCFG")) {
                return "bad configuration: " + firstLine(cause.getMessage());
            }
        }
        Throwable root = rootOf(chain);
        return root.getClass().getSimpleName() + ": " + firstLine(root.getMessage());
    }

    static String serviceNameFromConfig() {
        return setting("quarkus.application.name").orElse("service");
    }

    private static boolean isDatabaseFailure(Throwable cause) {
        String type = cause.getClass().getName();
        return type.startsWith("org.postgresql") || type.startsWith("org.flywaydb") || type.contains("PgException")
                || type.startsWith("io.vertx.pgclient") || type.startsWith("java.sql");
    }

    private static boolean isUnreachable(List<Throwable> chain) {
        return chain.stream().anyMatch(c -> c instanceof ConnectException || c instanceof UnknownHostException
                || String.valueOf(c.getMessage()).contains("refused")
                || String.valueOf(c.getMessage()).contains("timed out")
                || String.valueOf(c.getMessage()).contains("Unable to obtain connection"));
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /** What the deepest cause that says anything says (a timeout may say nothing, its wrapper does). */
    private static String deepestMessage(List<Throwable> chain) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            String line = firstLine(chain.get(i).getMessage());
            if (!line.isBlank()) {
                return line;
            }
        }
        return chain.get(chain.size() - 1).getClass().getSimpleName();
    }

    private static Throwable rootOf(List<Throwable> chain) {
        return chain.get(chain.size() - 1);
    }

    /** The line that says what is wrong: a heading such as "Configuration validation failed:" is skipped. */
    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        List<String> lines = message.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
        if (lines.isEmpty()) {
            return "";
        }
        return lines.get(0).endsWith(":") && lines.size() > 1 ? lines.get(1) : lines.get(0);
    }

    private static String envPrefix() {
        return serviceNameFromConfig().replaceFirst("-service$", "").replace('-', '_').toUpperCase();
    }

    private static Optional<String> setting(String name) {
        try {
            return ConfigProvider.getConfig().getOptionalValue(name, String.class);
        } catch (RuntimeException e) {
            // config itself may be what failed
            return Optional.empty();
        }
    }

    private StartupFailure() {
    }
}

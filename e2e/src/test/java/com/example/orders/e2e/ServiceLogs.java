package com.example.orders.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A service's log as {@code ./suite up} writes it ({@code logs/<service>.log}): one JSON object per line. */
final class ServiceLogs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServiceLogs() {
    }

    /** Every line of the service's log that is a JSON object (the JVM's own few lines are not). */
    static List<JsonNode> of(Suite suite, String service) {
        Path log = suite.home().resolve("logs/" + service + ".log");
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith("{"))
                    .map(ServiceLogs::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A field of the line's log context (MDC), or "" when it has none. */
    static String context(JsonNode line, String key) {
        return line.path("mdc").path(key).asText("");
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not a JSON log line: " + line, e);
        }
    }
}

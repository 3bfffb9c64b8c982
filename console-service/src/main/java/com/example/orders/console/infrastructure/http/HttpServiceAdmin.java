package com.example.orders.console.infrastructure.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.orders.console.application.ServiceAdmin;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The services' {@code /q/health/ready} and {@code /q/metrics}, asked over HTTP, all at once, briefly. */
@ApplicationScoped
class HttpServiceAdmin implements ServiceAdmin {

    private static final Duration PATIENCE = Duration.ofSeconds(3);
    /** {@code name{label="value",...} 1.0} of Prometheus' text format. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)\\})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PATIENCE).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, URI> addresses;

    HttpServiceAdmin(ServiceDirectory directory) {
        this.addresses = directory.addresses();
    }

    @Override
    public List<String> services() {
        return List.copyOf(addresses.keySet());
    }

    @Override
    public List<Readiness> readiness() {
        Map<String, CompletableFuture<Readiness>> asked = new LinkedHashMap<>();
        addresses.forEach((service, address) -> asked.put(service, get(address.resolve("/q/health/ready"))
                .thenApply(response -> readiness(service, address, response))
                .exceptionally(failure -> new Readiness(service, address.toString(), false, false, List.of()))));
        return asked.values().stream().map(CompletableFuture::join).toList();
    }

    @Override
    public List<Gauges> gauges() {
        Map<String, CompletableFuture<Optional<Gauges>>> asked = new LinkedHashMap<>();
        addresses.forEach((service, address) -> asked.put(service, get(address.resolve("/q/metrics"))
                .thenApply(response -> response.statusCode() == 200
                        ? Optional.of(gauges(service, response.body()))
                        : Optional.<Gauges>empty())
                .exceptionally(failure -> Optional.empty())));
        List<Gauges> answered = new ArrayList<>();
        asked.values().forEach(gauges -> gauges.join().ifPresent(answered::add));
        return answered;
    }

    @Override
    public Holdings holdingsOf(String orderId, String operatorToken) {
        Map<String, CompletableFuture<Optional<List<Held>>>> asked = new LinkedHashMap<>();
        addresses.forEach((service, address) -> asked.put(service, http.sendAsync(HttpRequest.newBuilder(
                address.resolve("/ops/orders/" + orderId)).timeout(PATIENCE).header("Authorization", "Bearer "
                        + operatorToken)
                .GET().build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> response.statusCode() == 200
                        ? Optional.of(held(service, response.body()))
                        : Optional.<List<Held>>empty())
                .exceptionally(failure -> Optional.empty())));
        List<Held> held = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        asked.forEach((service, answer) -> answer.join().ifPresentOrElse(held::addAll, () -> unanswered.add(
                service)));
        return new Holdings(held, unanswered);
    }

    private List<Held> held(String service, String body) {
        List<Held> held = new ArrayList<>();
        try {
            for (JsonNode kind : json.readTree(body).path("holdings")) {
                List<Map<String, String>> rows = new ArrayList<>();
                for (JsonNode row : kind.path("rows")) {
                    Map<String, String> columns = new LinkedHashMap<>();
                    row.fields().forEachRemaining(column -> columns.put(column.getKey(), column.getValue().isNull()
                            ? "-"
                            : column.getValue().isValueNode()
                                    ? column.getValue().asText()
                                    : column.getValue()
                                            .toString()));
                    rows.add(columns);
                }
                held.add(new Held(service, kind.path("kind").asText(), rows));
            }
        } catch (IOException e) {
            // an answer that is not what /ops/orders gives: shown as nothing held, never as a failed page
        }
        return held;
    }

    private CompletableFuture<HttpResponse<String>> get(URI uri) {
        return http.sendAsync(HttpRequest.newBuilder(uri).timeout(PATIENCE).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Readiness readiness(String service, URI address, HttpResponse<String> response) {
        List<String> down = new ArrayList<>();
        boolean ready = response.statusCode() == 200;
        try {
            JsonNode health = json.readTree(response.body());
            health.path("checks").forEach(check -> {
                if (!"UP".equals(check.path("status").asText())) {
                    down.add(check.path("name").asText());
                }
            });
        } catch (IOException e) {
            down.add("readiness answered " + response.statusCode() + " without its checks");
        }
        return new Readiness(service, address.toString(), true, ready, down);
    }

    static Gauges gauges(String service, String metrics) {
        Map<String, Double> recordsWaiting = new TreeMap<>();
        Map<String, Double> workWaiting = new TreeMap<>();
        Double outboxPending = null;
        Double outboxOldest = null;
        for (String line : metrics.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.find()) {
                continue;
            }
            String name = sample.group(1);
            double value;
            try {
                value = Double.parseDouble(sample.group(4));
            } catch (NumberFormatException e) {
                continue;
            }
            Map<String, String> labels = labels(sample.group(3));
            switch (name) {
                case "messaging_records_waiting" -> recordsWaiting.put(labels.getOrDefault("topic", "?"), value);
                case "background_work_waiting" -> workWaiting.put(labels.getOrDefault("worker", "?"), value);
                case "outbox_pending_events" -> outboxPending = value;
                case "outbox_lag_seconds" -> outboxOldest = value;
                default -> {
                }
            }
        }
        return new Gauges(service, recordsWaiting, workWaiting, Optional.ofNullable(outboxPending),
                Optional.ofNullable(outboxOldest));
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new TreeMap<>();
        if (text != null) {
            Matcher label = LABEL.matcher(text);
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return labels;
    }
}

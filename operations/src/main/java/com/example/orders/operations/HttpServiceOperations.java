package com.example.orders.operations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** A running service's {@code /ops} endpoints over HTTP, as an operator (an admin token). */
public final class HttpServiceOperations implements Replay.ServiceOperations {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule());
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final String token;
    private final Duration patience;

    /**
     * @param patience
     *            how long a replay may take before the command gives up waiting (the replay goes on in the service)
     */
    public HttpServiceOperations(URI base, String token, Duration patience) {
        this.base = base;
        this.token = token;
        this.patience = patience;
    }

    @Override
    public Set<String> consumedTopics() {
        Set<String> topics = new LinkedHashSet<>();
        send(request("/ops/consumption").GET(), 200).get("topics").forEach(topic -> topics.add(topic.asText()));
        return topics;
    }

    /** What the service reports of a replay it runs (its {@code /ops/replays/{id}}). */
    public record ReplayReport(String id, String state, Optional<String> error, boolean dryRun, boolean rebuild,
            Instant startedAt, Optional<Instant> finishedAt, List<Replay.PartitionReport> partitions) {

        public boolean running() {
            return state.equals("RUNNING");
        }
    }

    @Override
    public List<Replay.PartitionReport> replay(List<Replay.Window> windows, boolean dryRun, boolean rebuild) {
        ReplayReport report = start(windows, dryRun, rebuild);
        Instant giveUp = Instant.now().plus(patience);
        while (report.running()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new OperationFailed("replay " + report.id() + " still runs after " + patience + "; it goes on "
                        + "in the service: GET " + base.resolve("/ops/replays/" + report.id()));
            }
            pause();
            report = report(report.id());
        }
        if (!report.state().equals("DONE")) {
            throw new OperationFailed("replay " + report.id() + " failed in the service: " + report.error().orElse("")
                    + " (its log says more)");
        }
        return report.partitions();
    }

    /** Starts a replay of the windows in the service, and returns at once with its first report. */
    public ReplayReport start(List<Replay.Window> windows, boolean dryRun, boolean rebuild) {
        try {
            return read(send(request("/ops/replays").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("partitions", windows,
                            "dryRun", dryRun, "rebuild", rebuild)))),
                    202));
        } catch (IOException e) {
            throw new OperationFailed("cannot write the replay request: " + e.getMessage(), e);
        }
    }

    /** Where a replay the service runs (or ran, since it started) stands. */
    public ReplayReport report(String id) {
        return read(send(request("/ops/replays/" + id).GET(), 200));
    }

    private static ReplayReport read(JsonNode report) {
        try {
            return JSON.treeToValue(report, ReplayReport.class);
        } catch (IOException e) {
            throw new OperationFailed("cannot read the replay report: " + e.getMessage(), e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    private JsonNode send(HttpRequest.Builder request, int expected) {
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                JsonNode problem = parse(response.body());
                throw new OperationFailed(built.method() + " " + built.uri() + " answered " + response.statusCode()
                        + ": " + (problem.has("detail") ? problem.get("detail").asText() : response.body()));
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new OperationFailed("cannot reach the service at " + base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailed("interrupted", e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.nullNode();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailed("interrupted", e);
        }
    }
}

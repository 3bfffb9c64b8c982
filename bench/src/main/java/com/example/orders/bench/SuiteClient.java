package com.example.orders.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.example.orders.localinfra.SuiteService;
import com.example.orders.suite.LocalSuite;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The suite over HTTP as a client app and an operator use it, through the gateway; the provider's ledger and the
 * services' metrics directly. Orders are placed by many customers, round robin, so that the gateway's limit per
 * credential (docs/contract.md §2) is never what a run measures.
 */
final class SuiteClient implements AutoCloseable {

    record Answer(int status, JsonNode body, java.util.Optional<String> retryAfter) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalSuite suite;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "http");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(executor)
            .build();
    private final String admin;
    private final List<String> customers = new ArrayList<>();

    SuiteClient(LocalSuite suite, int customers, String runId) {
        this.suite = suite;
        this.admin = suite.token("bench-operator", "admin", Duration.ofHours(12));
        for (int i = 0; i < customers; i++) {
            this.customers.add(suite.token("bench-" + runId + "-customer-" + i, "customer", Duration.ofHours(12)));
        }
    }

    void stock(String sku, int available, String unitPrice) {
        Answer answer = send(gateway("/api/inventory/" + sku, admin)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"available\":%d,\"unitPrice\":\"%s\",\"currency\":\"EUR\"}"
                        .formatted(available, unitPrice))));
        if (answer.status() != 200) {
            throw new IllegalStateException("stocking " + sku + " answered " + answer);
        }
    }

    JsonNode stockOf(String sku) {
        Answer answer = send(gateway("/api/inventory/" + sku, admin).GET());
        if (answer.status() != 200) {
            throw new IllegalStateException("reading the stock of " + sku + " answered " + answer);
        }
        return answer.body();
    }

    /** POST /api/orders as customer {@code n} (modulo the customers); a retry sends the same key again. */
    CompletableFuture<Answer> place(long n, String idempotencyKey, String sku, int quantity, String paymentToken) {
        String customer = customers.get((int) (n % customers.size()));
        return sendAsync(gateway("/api/orders", customer)
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"items\":[{\"sku\":\"%s\",\"quantity\":%d}],\"paymentToken\":\"%s\"}"
                                .formatted(sku, quantity, paymentToken))));
    }

    /** Every entry the payment provider booked (captures, declines, refunds). */
    JsonNode providerLedger() {
        Answer answer = send(HttpRequest.newBuilder(suite.paymentProvider().resolve("/v1/ledger"))
                .timeout(Duration.ofSeconds(120)).GET());
        if (answer.status() != 200) {
            throw new IllegalStateException("the provider's ledger answered " + answer);
        }
        return answer.body().path("entries");
    }

    /** A service's Prometheus metrics text, or empty when it does not answer. */
    String metricsOf(SuiteService service) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(suite.service(service).resolve(
                    "/q/metrics")).timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private HttpRequest.Builder gateway(String path, String token) {
        return HttpRequest.newBuilder(URI.create(suite.gateway() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
    }

    private Answer send(HttpRequest.Builder request) {
        return sendAsync(request).join();
    }

    /**
     * The request's timeout bounds the whole answer, not only its headers as the HTTP client's own does: a server that
     * stops halfway through a body must not hold the run for ever.
     */
    private CompletableFuture<Answer> sendAsync(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        return http.sendAsync(built, HttpResponse.BodyHandlers.ofString())
                .orTimeout(built.timeout().orElse(Duration.ofSeconds(30)).toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(response -> new Answer(response.statusCode(), parse(response.body()),
                        response.headers().firstValue("Retry-After")));
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

package com.example.orders.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.example.orders.localinfra.SuiteService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a client app, an operator and the outside world see of the running suite, over HTTP only. */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, JsonNode body) {
    }

    private final Suite suite;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String admin;

    Api(Suite suite) {
        this.suite = suite;
        this.admin = suite.token("ops", "admin");
    }

    String customerToken(String customerId) {
        return suite.token(customerId, "customer");
    }

    // --- inventory ---

    void stock(String sku, int available, String unitPrice) {
        Answer answer = send(request(SuiteService.INVENTORY, "/api/inventory/" + sku, admin)
                .PUT(body("{\"available\":%d,\"unitPrice\":\"%s\",\"currency\":\"EUR\"}".formatted(available,
                        unitPrice))));
        if (answer.status() != 200) {
            throw new IllegalStateException("stocking " + sku + ": " + answer);
        }
    }

    JsonNode stockOf(String sku) {
        return send(request(SuiteService.INVENTORY, "/api/inventory/" + sku, admin).GET()).body();
    }

    // --- orders ---

    CompletableFuture<Answer> placeAsync(String customerToken, String sku, int quantity, String paymentToken) {
        return sendAsync(request(SuiteService.ORDER, "/api/orders", customerToken)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(body("{\"items\":[{\"sku\":\"%s\",\"quantity\":%d}],\"paymentToken\":\"%s\"}"
                        .formatted(sku, quantity, paymentToken))));
    }

    String place(String customerToken, String sku, int quantity, String paymentToken) {
        Answer answer = placeAsync(customerToken, sku, quantity, paymentToken).join();
        if (answer.status() != 202) {
            throw new IllegalStateException("placing an order: " + answer);
        }
        return answer.body().get("orderId").asText();
    }

    JsonNode order(String orderId) {
        return send(request(SuiteService.ORDER, "/api/orders/" + orderId, admin).GET()).body();
    }

    int cancel(String customerToken, String orderId) {
        return send(request(SuiteService.ORDER, "/api/orders/" + orderId + "/cancel", customerToken)
                .POST(HttpRequest.BodyPublishers.noBody())).status();
    }

    // --- operators ---

    JsonNode summary() {
        return send(request(SuiteService.ANALYTICS, "/api/analytics/summary", admin).GET()).body();
    }

    JsonNode notificationsOf(String orderId) {
        return send(request(SuiteService.NOTIFICATION, "/api/notifications?orderId=" + orderId, admin).GET()).body();
    }

    /** loyalty-service's statement of the customer's points: the balance and every entry, oldest first. */
    JsonNode loyaltyOf(String customerId) {
        return send(request(SuiteService.LOYALTY, "/api/loyalty/customers/" + customerId, admin).GET()).body();
    }

    // --- the outside world ---

    /** What the payment provider booked for the order: captures, refunds, declines, requests. */
    JsonNode ledgerOf(String orderId) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + suite.port("PAYMENT_PROVIDER_PORT")
                + "/v1/ledger?orderId=" + orderId)).GET()).body();
    }

    /** Emails the mail server received about the order. */
    JsonNode emailsAbout(String orderId) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + suite.port("SMTP_SINK_API_PORT")
                + "/messages?orderId=" + orderId)).GET()).body().get("messages");
    }

    /** What the service's {@code /q/metrics} says now. */
    Metrics metrics(SuiteService service) {
        HttpRequest.Builder scrape = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + suite.httpPort(service)
                + "/q/metrics")).timeout(Duration.ofSeconds(30)).GET();
        try {
            return Metrics.parse(http.send(scrape.build(), HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(SuiteService service, String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + suite.httpPort(service) + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json);
    }

    private Answer send(HttpRequest.Builder request) {
        return sendAsync(request).join();
    }

    private CompletableFuture<Answer> sendAsync(HttpRequest.Builder request) {
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Answer(response.statusCode(), parse(response.body())));
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}

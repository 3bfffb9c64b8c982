package com.example.orders.payment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.example.orders.sandbox.PaymentProviderSimulator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The payment provider of payment-service's tests: a real HTTP server (the suite's simulator) whose books the tests
 * read. Stopping it is an outage; its books survive a restart. The running instance is kept JVM-wide, because the test
 * resource and the tests see the classes through different class loaders.
 */
final class TestProvider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static PaymentProviderSimulator running;

    static synchronized void start() {
        if (running == null) {
            running = PaymentProviderSimulator.start(port(), ProviderSimulatorResource.dataDirectory());
        }
    }

    static synchronized void stop() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    /**
     * What the provider booked for the order: {@code captures}, {@code refunds}, {@code declines}, {@code requests}.
     */
    static JsonNode ledgerOf(String orderId) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port() + "/v1/ledger?orderId=" + orderId)),
                HttpResponse.BodyHandlers.ofString());
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asks the provider for a capture directly, as some other client could; answers the HTTP status. */
    static int capture(String idempotencyKey, String orderId, String token, String amount) {
        String body = """
                {"orderId":"%s","token":"%s","amount":"%s","currency":"EUR"}""".formatted(orderId, token, amount);
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/v1/captures"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return HTTP.send(request.build(), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int port() {
        return Integer.parseInt(System.getProperty(ProviderSimulatorResource.PORT));
    }

    private TestProvider() {
    }
}

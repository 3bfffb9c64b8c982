package com.example.orders.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.example.orders.sandbox.SmtpSink;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server for notification-service's tests (the suite's sink), started once per test JVM. Tests read what it
 * received over its HTTP API, since they see this class through another class loader than the resource does.
 */
public class SmtpSinkResource implements QuarkusTestResourceLifecycleManager {

    private static final String API_PORT = "it.smtp-sink.api-port";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SmtpSink sink;

    @Override
    public Map<String, String> start() {
        sink = SmtpSink.start(0, 0);
        System.setProperty(API_PORT, String.valueOf(sink.apiUri().getPort()));
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(sink.smtpPort()));
    }

    @Override
    public void stop() {
        if (sink != null) {
            sink.close();
        }
    }

    /** The emails received about the order: {@code [{"messageId","from","to","subject","orderId","receivedAt"}]}. */
    static JsonNode emailsAbout(String orderId) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + System.getProperty(API_PORT) + "/messages?orderId=" + orderId)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body()).get("messages");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

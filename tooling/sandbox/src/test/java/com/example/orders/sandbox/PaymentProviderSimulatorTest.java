package com.example.orders.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class PaymentProviderSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;

    private PaymentProviderSimulator provider;

    @BeforeEach
    void start() {
        provider = PaymentProviderSimulator.start(0, data);
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void capturesOnceWhateverTheNumberOfRequestsWithOneKey() throws Exception {
        HttpResponse<String> first = post("/v1/captures", "capture-o1", capture("o1", "tok_ok", "19.98"));
        HttpResponse<String> again = post("/v1/captures", "capture-o1", capture("o1", "tok_ok", "19.98"));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(json(again).get("captureId")).isEqualTo(json(first).get("captureId"));
        JsonNode ledger = ledgerOf("o1");
        assertThat(ledger.get("captures")).hasSize(1);
        assertThat(ledger.get("requests").asInt()).isEqualTo(2);
    }

    @Test
    void declinesTheDeclinedTokenAndAnUnknownOne() throws Exception {
        assertThat(post("/v1/captures", "capture-o2", capture("o2", "tok_declined", "5.00")).statusCode())
                .isEqualTo(402);
        assertThat(post("/v1/captures", "capture-o3", capture("o3", "tok_nope", "5.00")).statusCode())
                .isEqualTo(402);
        assertThat(ledgerOf("o2").get("captures")).isEmpty();
    }

    @Test
    void refusesAKeyReusedForAnotherRequest() throws Exception {
        post("/v1/captures", "capture-o4", capture("o4", "tok_ok", "5.00"));

        assertThat(post("/v1/captures", "capture-o4", capture("o4", "tok_ok", "6.00")).statusCode()).isEqualTo(409);
        assertThat(ledgerOf("o4").get("captures")).hasSize(1);
    }

    @Test
    void takesTheSameRequestWithItsFieldsInAnotherOrderForARepeat() throws Exception {
        String captureId = json(post("/v1/captures", "capture-o6", capture("o6", "tok_ok", "5.00")))
                .get("captureId").asText();
        // a client restarted mid-call may write its fields in another order: the same request, not a reused key
        String reordered = """
                {"currency":"EUR","amount":"5.00","token":"tok_ok","orderId":"o6"}""";

        HttpResponse<String> repeated = post("/v1/captures", "capture-o6", reordered);
        assertThat(repeated.statusCode()).isEqualTo(201);
        assertThat(json(repeated).get("captureId").asText()).isEqualTo(captureId);
        assertThat(ledgerOf("o6").get("captures")).hasSize(1);
    }

    @Test
    void refundsACaptureOnceAndSaysWhenNothingWasCaptured() throws Exception {
        String captureId = json(post("/v1/captures", "capture-o5", capture("o5", "tok_ok", "5.00")))
                .get("captureId").asText();
        String refund = """
                {"captureKey":"capture-o5","amount":"5.00","currency":"EUR"}""";

        HttpResponse<String> refunded = post("/v1/refunds", "refund-o5", refund);
        assertThat(refunded.statusCode()).isEqualTo(201);
        assertThat(json(refunded).get("captureId").asText()).isEqualTo(captureId);
        assertThat(post("/v1/refunds", "refund-o5", refund).statusCode()).isEqualTo(201);
        assertThat(ledgerOf("o5").get("refunds")).hasSize(1);
        assertThat(post("/v1/refunds", "refund-x", """
                {"captureKey":"capture-nope","amount":"5.00","currency":"EUR"}""").statusCode()).isEqualTo(404);
    }

    @Test
    void remembersWhatItChargedAcrossARestart() throws Exception {
        String captureId = json(post("/v1/captures", "capture-o6", capture("o6", "tok_ok", "5.00")))
                .get("captureId").asText();
        provider.close();
        provider = PaymentProviderSimulator.start(0, data);

        HttpResponse<String> again = post("/v1/captures", "capture-o6", capture("o6", "tok_ok", "5.00"));

        assertThat(json(again).get("captureId").asText()).isEqualTo(captureId);
        assertThat(ledgerOf("o6").get("captures")).hasSize(1);
    }

    @Test
    void answersBadRequestsWith400() throws Exception {
        assertThat(post("/v1/captures", null, capture("o7", "tok_ok", "5.00")).statusCode()).isEqualTo(400);
        assertThat(post("/v1/captures", "k", "not json").statusCode()).isEqualTo(400);
        assertThat(post("/v1/captures", "k", capture("o7", "tok_ok", "-1")).statusCode()).isEqualTo(400);
    }

    private static String capture(String orderId, String token, String amount) {
        return """
                {"orderId":"%s","token":"%s","amount":"%s","currency":"EUR"}""".formatted(orderId, token, amount);
    }

    private HttpResponse<String> post(String path, String key, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(provider.baseUri() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ledgerOf(String orderId) throws IOException, InterruptedException {
        return json(HTTP.send(HttpRequest.newBuilder(URI.create(provider.baseUri() + "/v1/ledger?orderId=" + orderId))
                .build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}

package com.example.orders.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.example.orders.localinfra.JwtKeys;
import com.example.orders.operations.TopicRecords;

/**
 * The front door (docs/contract.md §2, issue 4) through the real gateway process (nginx) in front of the real services:
 * routing, its own errors as problem+json, authentication and roles as the services enforce them, body and rate limits,
 * and X-Request-Id from the gateway into the service log and the order's events.
 */
class GatewayEndToEndIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ORDER = """
            {"items":[{"sku":"SKU-GW","quantity":1}],"paymentToken":"tok_ok"}""";

    static Suite suite;
    static Api api;

    @BeforeAll
    static void theSuiteRuns() {
        suite = RunningSuite.suite();
        api = RunningSuite.api();
        api.stock("SKU-GW", 1000, "1.00");
    }

    @Test
    void answersAPathWithNoApiWithProblemDetails() {
        HttpResponse<String> answer = send("GET", "/nowhere", null, null, Map.of());

        assertThat(answer.statusCode()).isEqualTo(404);
        assertProblem(answer, 404);
        assertThat(answer.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void refusesCallsWithoutAValidToken() {
        String token = suite.token("henry", "customer");
        String tampered = JwtKeys.tampered(token);
        String expired = suite.run("token", "--sub", "henry", "--ttl=-PT5M").output().strip();

        for (String credential : new String[]{null, tampered, expired, "not-a-jwt"}) {
            HttpResponse<String> answer = send("GET", "/api/orders/" + UUID.randomUUID(), credential, null, Map.of());
            assertThat(answer.statusCode()).as("token %s", credential).isEqualTo(401);
            assertProblem(answer, 401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        }
    }

    @Test
    void keepsOperatorEndpointsFromCustomers() {
        String customer = suite.token("ivy", "customer");

        HttpResponse<String> restocking = send("PUT", "/api/inventory/SKU-GW", customer, """
                {"available":1,"unitPrice":"1.00"}""", Map.of());
        assertThat(restocking.statusCode()).isEqualTo(403);
        assertProblem(restocking, 403);
        for (String path : List.of("/api/analytics/summary", "/api/notifications")) {
            HttpResponse<String> answer = send("GET", path, customer, null, Map.of());
            assertThat(answer.statusCode()).as(path).isEqualTo(403);
            assertProblem(answer, 403);
        }
        assertThat(send("GET", "/api/inventory/SKU-GW", customer, null, Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void hidesAnotherCustomersOrder() {
        String owner = suite.token("jack", "customer");
        String other = suite.token("kate", "customer");
        String orderId = place(owner, "req-" + UUID.randomUUID());

        HttpResponse<String> answer = send("GET", "/api/orders/" + orderId, other, null, Map.of());

        assertThat(answer.statusCode()).isEqualTo(404);
        assertProblem(answer, 404);
        assertThat(send("GET", "/api/orders/" + orderId, owner, null, Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesEachClassOfBadBodyNamingWhatIsWrong() {
        String customer = suite.token("lena", "customer");
        Map<String, String> bodies = Map.of(
                "{\"items\":[{\"sku\":\"SKU-GW\",", "not valid JSON",
                "{\"items\":[{\"sku\":\"SKU-GW\",\"quantity\":1,\"price\":1}],\"paymentToken\":\"tok_ok\"}",
                "items[0].price: is not a field of this request",
                "{\"items\":[{\"sku\":\"SKU-GW\",\"quantity\":\"1\"}],\"paymentToken\":\"tok_ok\"}",
                "items[0].quantity: must be a whole number",
                "{\"items\":[{\"sku\":\"SKU-GW\",\"quantity\":1001}],\"paymentToken\":\"tok_ok\"}",
                "items[0].quantity: must be less than or equal to 1000",
                "{\"items\":[{\"sku\":\"sku gw\",\"quantity\":1}],\"paymentToken\":\"tok_ok\"}",
                "items[0].sku: must look like SKU-1",
                "{\"items\":[],\"paymentToken\":\"tok_ok\"}", "items: must not be empty",
                "[]", "body: must be an object");

        bodies.forEach((body, detail) -> {
            HttpResponse<String> answer = send("POST", "/api/orders", customer, body,
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertProblem(answer, 400);
            assertThat(answer.body()).as(body).contains(detail);
        });
    }

    @Test
    void answersAThousandRandomMalformedOrdersWith4xxAndPlacesNoOrder() {
        long seed = Long.getLong("e2e.fuzz.seed", System.nanoTime());
        MalformedOrderBodies bodies = new MalformedOrderBodies(seed);
        // fifty bodies per credential stay inside the gateway's burst, so every body reaches the service
        List<String> customers = IntStream.range(0, 20).mapToObj(i -> "fuzz-" + seed + "-" + i).toList();
        List<String> tokens = customers.stream().map(customer -> suite.token(customer, "customer")).toList();

        for (int i = 0; i < 1_000; i++) {
            MalformedOrderBodies.Body body = bodies.next();
            HttpResponse<String> answer = HTTP.sendAsync(HttpRequest.newBuilder(gateway("/api/orders"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + tokens.get(i % tokens.size()))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .header("Content-Type", body.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
                    .build(), HttpResponse.BodyHandlers.ofString()).join();

            assertThat(answer.statusCode()).as("%s: %s -> %s", body.defect(), body.text(), answer.body())
                    .isIn(400, 415);
            assertProblem(answer, answer.statusCode());
        }

        // a valid order placed after them is a barrier: once its OrderCreated is out, theirs would be too
        String barrier = place(suite.token("fuzz-" + seed + "-barrier", "customer"), "req-" + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).until(() -> !TopicRecords
                .withKey(suite.kafkaBootstrapServers(), "orders.order-created.v1", barrier).isEmpty());
        assertThat(TopicRecords.all(suite.kafkaBootstrapServers(), "orders.order-created.v1"))
                .map(record -> new String(record.value(), StandardCharsets.UTF_8))
                .noneMatch(payload -> customers.stream().anyMatch(customer -> payload.contains("\"" + customer
                        + "\"")));
    }

    @Test
    void refusesAnOversizeBody() {
        String customer = suite.token("liam", "customer");
        String huge = "{\"items\":[" + IntStream.range(0, 5000)
                .mapToObj(i -> "{\"sku\":\"SKU-GW\",\"quantity\":1}").collect(Collectors.joining(","))
                + "],\"paymentToken\":\"tok_ok\"}";

        HttpResponse<String> answer = send("POST", "/api/orders", customer, huge,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));

        assertThat(answer.statusCode()).isEqualTo(413);
        assertProblem(answer, 413);
    }

    @Test
    void limitsABurstFromOneCredentialAndSaysWhenToComeBack() {
        String customer = suite.token("mia", "customer");

        List<HttpResponse<String>> answers = IntStream.range(0, 300)
                .mapToObj(i -> sendAsync("GET", "/api/inventory/SKU-GW", customer))
                .toList().stream().map(CompletableFuture::join).toList();

        List<HttpResponse<String>> limited = answers.stream().filter(a -> a.statusCode() == 429).toList();
        assertThat(limited).isNotEmpty();
        assertThat(answers.stream().filter(a -> a.statusCode() == 200)).hasSizeGreaterThanOrEqualTo(100);
        assertThat(limited).allSatisfy(answer -> {
            assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            assertProblem(answer, 429);
        });
        String someoneElse = suite.token("noah", "customer");
        assertThat(send("GET", "/api/inventory/SKU-GW", someoneElse, null, Map.of()).statusCode())
                .as("the limit is per credential").isEqualTo(200);
    }

    @Test
    void carriesTheRequestIdIntoTheServiceLogAndTheOrdersEvents() throws Exception {
        String customer = suite.token("olivia", "customer");
        String requestId = "req-" + UUID.randomUUID();

        String orderId = place(customer, requestId);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> "CONFIRMED".equals(api.order(orderId).get("status").asText()));
        // the access-log line of the POST, with the time the service took (a number, not "-")
        assertThat(ServiceLogs.of(suite, "order-service"))
                .filteredOn(line -> line.path("message").asText().matches(
                        ".*\"POST /api/orders HTTP/1.1\" 202 \\d+ \\d+ ms request_id=" + requestId))
                .singleElement()
                .satisfies(line -> {
                    assertThat(ServiceLogs.context(line, "requestId")).as("the request id as a field").isEqualTo(
                            requestId);
                    assertThat(ServiceLogs.context(line, "traceId")).as("the request's trace").matches("[0-9a-f]{32}");
                });
        for (String topic : List.of("orders.order-created.v1", "inventory.stock-reserved.v1",
                "payments.payment-captured.v1", "orders.order-confirmed.v1")) {
            List<ConsumerRecord<String, byte[]>> events = TopicRecords.all(suite.kafkaBootstrapServers(), topic)
                    .stream().filter(record -> orderId.equals(record.key())).toList();
            assertThat(events).as(topic).hasSize(1);
            assertThat(new String(events.get(0).headers().lastHeader("ce_correlationid").value(),
                    StandardCharsets.UTF_8)).as("ce_correlationid on " + topic).isEqualTo(requestId);
            assertThat(events.get(0).headers().lastHeader("ce_causationid")).as("ce_causationid on " + topic)
                    .isNotNull();
        }
        ConsumerRecord<String, byte[]> created = TopicRecords.withKey(suite.kafkaBootstrapServers(),
                "orders.order-created.v1", orderId).get(0);
        assertThat(new String(created.headers().lastHeader("ce_causationid").value(), StandardCharsets.UTF_8))
                .as("OrderCreated is caused by the request that placed it").isEqualTo(requestId);
    }

    @Test
    void pointsToTheAcceptedOrderWithAnAddressTheCallerCanUseAndAnswersOneRequestId() {
        String customer = suite.token("paul", "customer");
        String sku = "SKU-GW-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        api.stock(sku, 5, "12.50");

        HttpResponse<String> placed = send("POST", "/api/orders", customer,
                "{\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":2}],\"paymentToken\":\"tok_ok\"}",
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));

        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        assertThat(placed.headers().allValues("X-Request-Id")).as("one X-Request-Id").hasSize(1);
        String orderId = placed.body().replaceAll(".*\"orderId\":\"([^\"]+)\".*", "$1");
        URI location = gateway("/api/orders").resolve(placed.headers().firstValue("Location").orElseThrow());
        assertThat(location).isEqualTo(gateway("/api/orders/" + orderId));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> order = HTTP.send(HttpRequest.newBuilder(location)
                    .header("Authorization", "Bearer " + customer).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(order.statusCode()).isEqualTo(200);
            assertThat(order.headers().allValues("X-Request-Id")).hasSize(1);
            assertThat(order.body()).as("money at its currency's scale, as the catalogue prices it")
                    .contains("\"unitPrice\":\"12.50\"").contains("\"amount\":\"25.00\"");
        });
        HttpResponse<String> refused = send("GET", "/api/orders/" + orderId, null, null, Map.of());
        assertThat(refused.headers().allValues("X-Request-Id")).as("one X-Request-Id on an error").hasSize(1);
    }

    private static String place(String customer, String requestId) {
        HttpResponse<String> answer = send("POST", "/api/orders", customer, ORDER,
                Map.of("Idempotency-Key", UUID.randomUUID().toString(), "X-Request-Id", requestId));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(answer.headers().allValues("X-Request-Id")).containsExactly(requestId);
        return answer.body().replaceAll(".*\"orderId\":\"([^\"]+)\".*", "$1");
    }

    private static void assertProblem(HttpResponse<String> answer, int status) {
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"status\":" + status);
    }

    private static HttpResponse<String> send(String method, String path, String token, String body,
            Map<String, String> headers) {
        return HTTP.sendAsync(request(method, path, token, body, headers), HttpResponse.BodyHandlers.ofString())
                .join();
    }

    private static CompletableFuture<HttpResponse<String>> sendAsync(String method, String path, String token) {
        return HTTP.sendAsync(request(method, path, token, null, Map.of()), HttpResponse.BodyHandlers.ofString());
    }

    private static URI gateway(String path) {
        return URI.create("http://127.0.0.1:" + suite.port("GATEWAY_PORT") + path);
    }

    private static HttpRequest request(String method, String path, String token, String body,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return request.build();
    }
}

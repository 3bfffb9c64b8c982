package com.example.orders.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.inject.spi.CDI;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.example.orders.events.EventEnvelope;
import com.example.orders.events.Topics;
import com.example.orders.localinfra.JwtKeys;
import com.example.orders.testsupport.EventTraffic;
import com.example.orders.testsupport.RealInfrastructure;
import com.example.orders.testsupport.Restartable;
import com.example.orders.testsupport.TestInfrastructure;
import com.example.orders.testsupport.TestTokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/** {@code /api/orders} over HTTP, with real JWTs, against the real database and broker. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = "service", value = "order-service"))
class OrderApiIT {

    private static final String TWO_OF_SKU_1 = """
            {"items":[{"sku":"SKU-1","quantity":2}],"paymentToken":"tok_ok"}""";

    @Test
    void acceptsAnOrderAndPointsToIt() {
        String orderId = as("alice").header("Idempotency-Key", UUID.randomUUID().toString()).body(TWO_OF_SKU_1)
                .post("/api/orders")
                .then().statusCode(202)
                .body("status", equalTo("PENDING"))
                .extract().path("orderId");
        as("alice").header("Idempotency-Key", UUID.randomUUID().toString()).body(TWO_OF_SKU_1)
                .post("/api/orders")
                .then().header("Location", matchesPattern("/api/orders/[0-9a-f-]{36}"));

        as("alice").get("/api/orders/" + orderId)
                .then().statusCode(200)
                .body("customerId", equalTo("alice"))
                .body("items[0].sku", equalTo("SKU-1"))
                .body("items[0].quantity", equalTo(2))
                .body("timeline.step", hasItem("PLACED"))
                .body("timeline[0].at", notNullValue());
    }

    @Test
    void theSameKeyAndBodyIsTheSameOrderAndAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        String first = as("bob").header("Idempotency-Key", key).body(TWO_OF_SKU_1).post("/api/orders")
                .then().statusCode(202).extract().path("orderId");

        as("bob").header("Idempotency-Key", key).body(TWO_OF_SKU_1).post("/api/orders")
                .then().statusCode(202).body("orderId", equalTo(first));
        as("bob").header("Idempotency-Key", key)
                .body("""
                        {"items":[{"sku":"SKU-1","quantity":3}],"paymentToken":"tok_ok"}""")
                .post("/api/orders")
                .then().statusCode(422).contentType("application/problem+json").body("status", equalTo(422));
    }

    @Test
    void requiresAnIdempotencyKey() {
        as("carol").body(TWO_OF_SKU_1).post("/api/orders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("Idempotency-Key"));
    }

    @Test
    void namesTheFieldOfAnInvalidBody() {
        as("carol").header("Idempotency-Key", UUID.randomUUID().toString())
                .body("""
                        {"items":[{"sku":"SKU-1","quantity":0}],"paymentToken":"tok_ok"}""")
                .post("/api/orders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("quantity"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void refusesEachClassOfBadBodyNamingWhatIsWrong(String kind, String body, String detail) {
        as("dave").header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post("/api/orders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", containsString(detail));
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"items\":[{\"sku\":\"SKU-1\",", "not valid JSON"),
                Arguments.of("no body", "", "body: must not be null"),
                Arguments.of("text after the JSON", TWO_OF_SKU_1 + " {}", "not valid JSON"),
                Arguments.of("the same key twice",
                        "{\"items\":[{\"sku\":\"SKU-1\",\"quantity\":1}],\"paymentToken\":\"a\",\"paymentToken\":\"b\"}",
                        "paymentToken"),
                Arguments.of("unknown field",
                        "{\"items\":[{\"sku\":\"SKU-1\",\"quantity\":1,\"colour\":\"red\"}],\"paymentToken\":\"tok_ok\"}",
                        "items[0].colour: is not a field of this request"),
                Arguments.of("number as text",
                        "{\"items\":[{\"sku\":\"SKU-1\",\"quantity\":\"2\"}],\"paymentToken\":\"tok_ok\"}",
                        "items[0].quantity: must be a whole number"),
                Arguments.of("number as token",
                        "{\"items\":[{\"sku\":\"SKU-1\",\"quantity\":2}],\"paymentToken\":7}",
                        "paymentToken: must be a string"),
                Arguments.of("fraction",
                        "{\"items\":[{\"sku\":\"SKU-1\",\"quantity\":2.5}],\"paymentToken\":\"tok_ok\"}",
                        "items[0].quantity: must be a whole number"),
                Arguments.of("null quantity",
                        "{\"items\":[{\"sku\":\"SKU-1\",\"quantity\":null}],\"paymentToken\":\"tok_ok\"}",
                        "items[0].quantity: must be a whole number"),
                Arguments.of("object instead of list", "{\"items\":{\"sku\":\"SKU-1\"},\"paymentToken\":\"tok_ok\"}",
                        "items: must be an array"),
                Arguments.of("list instead of object", "[" + TWO_OF_SKU_1 + "]", "body: must be an object"),
                Arguments.of("no lines", "{\"items\":[],\"paymentToken\":\"tok_ok\"}", "items: must not be empty"),
                Arguments.of("51 lines", "{\"items\":[" + String.join(",",
                        java.util.Collections.nCopies(51, "{\"sku\":\"SKU-1\",\"quantity\":1}"))
                        + "],\"paymentToken\":\"tok_ok\"}", "items: size must be between"),
                Arguments.of("quantity over 1000",
                        "{\"items\":[{\"sku\":\"SKU-1\",\"quantity\":1001}],\"paymentToken\":\"tok_ok\"}",
                        "items[0].quantity: must be less than or equal to 1000"),
                Arguments.of("SKU of the wrong form",
                        "{\"items\":[{\"sku\":\"sku 1\",\"quantity\":1}],\"paymentToken\":\"tok_ok\"}",
                        "items[0].sku: must look like SKU-1"),
                Arguments.of("token too long",
                        "{\"items\":[{\"sku\":\"SKU-1\",\"quantity\":1}],\"paymentToken\":\"" + "t".repeat(65) + "\"}",
                        "paymentToken: size must be between"),
                Arguments.of("no token", "{\"items\":[{\"sku\":\"SKU-1\",\"quantity\":1}]}",
                        "paymentToken: must not be blank"));
    }

    @Test
    void refusesABodyThatIsNotJson() {
        given().auth().oauth2(TestTokens.customer("dave")).contentType(ContentType.TEXT)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(TWO_OF_SKU_1)
                .post("/api/orders")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void refusesAnOrderIdThatCannotBeOne() {
        as("dave").get("/api/orders/" + "x".repeat(65))
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("orderId: must be an order id"));
    }

    @Test
    void refusesACallerWithoutAValidTokenAsProblemDetails() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", "k").body(TWO_OF_SKU_1).post("/api/orders")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("status", equalTo(401))
                .body("detail", containsString("bearer token"));
        String token = TestTokens.customer("mallory");
        String tampered = JwtKeys.tampered(token);
        given().auth().oauth2(tampered).get("/api/orders/" + UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void verifiesATokenOnceForItsLifetimeAndStillRefusesATamperedCopyOfIt() throws ParseException {
        String token = TestTokens.customer("grace");
        JWTParser parser = CDI.current().select(JWTParser.class).get();

        given().auth().oauth2(token).get("/api/orders/" + UUID.randomUUID()).then().statusCode(404);
        assertThat(parser.parse(token)).as("the token the request verified, served again")
                .isSameAs(parser.parse(token));
        String tampered = JwtKeys.tampered(token);
        given().auth().oauth2(tampered).get("/api/orders/" + UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void refusesARoleThatMayNotAsProblemDetails() {
        given().auth().oauth2(TestTokens.admin("ops")).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(TWO_OF_SKU_1)
                .post("/api/orders")
                .then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("title", equalTo("Forbidden"));
    }

    @Test
    void answers503WithRetryAfterWhileItsDatabaseIsAwayAndTheRetryPlacesTheOrderOnce() {
        Restartable database = TestInfrastructure.databaseServerOf("order-service").orElse(null);
        Assumptions.assumeTrue(database != null && database.canRestart(), "needs a database this JVM can stop");
        String key = UUID.randomUUID().toString();

        database.stop();
        try {
            as("ivan").header("Idempotency-Key", key).body(TWO_OF_SKU_1).post("/api/orders")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                    .body("status", equalTo(503));
        } finally {
            database.start();
        }

        String orderId = await().atMost(Duration.ofSeconds(60)).until(() -> as("ivan").header("Idempotency-Key", key)
                .body(TWO_OF_SKU_1).post("/api/orders").then().extract(), answer -> answer.statusCode() == 202)
                .path("orderId");
        as("ivan").header("Idempotency-Key", key).body(TWO_OF_SKU_1).post("/api/orders")
                .then().statusCode(202).body("orderId", equalTo(orderId));
        EventTraffic.awaitOne(Topics.ORDER_CREATED_V1, orderId);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> EventTraffic.recordsOf(Topics.ORDER_CREATED_V1, orderId).size() == 1);
    }

    @Test
    void hidesAnotherCustomersOrder() {
        String orderId = place("dave");

        as("eve").get("/api/orders/" + orderId).then().statusCode(404).contentType("application/problem+json");
        as("eve").post("/api/orders/" + orderId + "/cancel").then().statusCode(404);
        given().auth().oauth2(TestTokens.admin("ops")).get("/api/orders/" + orderId).then().statusCode(200);
    }

    @Test
    void cancelsAnOrderNotYetConfirmedOnceAndThenAnswersConflict() {
        String orderId = place("frank");

        as("frank").post("/api/orders/" + orderId + "/cancel")
                .then().statusCode(202).body("status", equalTo("CANCELLED"));
        as("frank").get("/api/orders/" + orderId)
                .then().body("status", equalTo("CANCELLED")).body("reason", equalTo("CUSTOMER_CANCELLED"));
        as("frank").post("/api/orders/" + orderId + "/cancel")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void answersWithTheRequestIdAndCorrelatesTheOrdersSagaWithIt() {
        String requestId = "req-" + UUID.randomUUID();

        String orderId = as("gina").header("Idempotency-Key", UUID.randomUUID().toString())
                .header("X-Request-Id", requestId).body(TWO_OF_SKU_1)
                .post("/api/orders")
                .then().statusCode(202).header("X-Request-Id", requestId)
                .extract().path("orderId");

        EventEnvelope created = EventTraffic.awaitOne(Topics.ORDER_CREATED_V1, orderId);
        assertThat(created.correlationId()).isEqualTo(requestId);
        assertThat(created.causationId()).as("OrderCreated's cause is the request that placed it")
                .isEqualTo(requestId);

        String cancelRequestId = "req-" + UUID.randomUUID();
        as("gina").header("X-Request-Id", cancelRequestId).post("/api/orders/" + orderId + "/cancel")
                .then().statusCode(202);
        for (String topic : List.of(Topics.ORDER_CANCEL_REQUESTED_V1, Topics.ORDER_CANCELLED_V1)) {
            EventEnvelope cancelled = EventTraffic.awaitOne(topic, orderId);
            assertThat(cancelled.correlationId()).isEqualTo(requestId);
            assertThat(cancelled.causationId()).as(topic + " is caused by the customer's cancel")
                    .isEqualTo(cancelRequestId);
        }
    }

    @Test
    void makesARequestIdWhenTheCallerSentNoneOrAnUnreadableOne() {
        as("gina").header("X-Request-Id", "not a sane id \"; drop").get("/api/orders/" + UUID.randomUUID())
                .then().statusCode(404).header("X-Request-Id", matchesPattern("[0-9a-f]{32}"));
    }

    private static String place(String customer) {
        return as(customer).header("Idempotency-Key", UUID.randomUUID().toString()).body(TWO_OF_SKU_1)
                .post("/api/orders").then().statusCode(202).extract().path("orderId");
    }

    private static RequestSpecification as(String customer) {
        return given().auth().oauth2(TestTokens.customer(customer)).contentType(ContentType.JSON);
    }
}

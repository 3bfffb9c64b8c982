package com.example.orders.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.example.orders.events.Topics;
import com.example.orders.testsupport.EventTraffic;
import com.example.orders.testsupport.RealInfrastructure;
import com.example.orders.testsupport.TestTokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

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
                .header("Location", containsString("/api/orders/"))
                .body("status", equalTo("PENDING"))
                .extract().path("orderId");

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

    @Test
    void refusesACallerWithoutAToken() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", "k").body(TWO_OF_SKU_1).post("/api/orders")
                .then().statusCode(401);
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

        assertThat(EventTraffic.awaitOne(Topics.ORDER_CREATED_V1, orderId).correlationId()).isEqualTo(requestId);
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

package com.example.orders.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import com.example.orders.console.api.OperatorSession;
import com.example.orders.testsupport.ContractEvents;
import com.example.orders.testsupport.RealInfrastructure;
import com.example.orders.testsupport.TestInfrastructure;
import com.example.orders.testsupport.TestTokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The dead-letter page shows a poison record with its reason and origin, opens it with its headers and payload, and
 * re-drives it with the code of {@code ./suite dlq redrive}: the letter is marked re-driven, and a record that fails
 * again comes back once as a new pending letter.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = "service", value = "console-service"))
class DeadLetterPagesIT {

    private final String session = TestTokens.admin("olivia");

    @Test
    void showsAPoisonRecordOpensItAndReDrivesItFromThePage() {
        String orderId = UUID.randomUUID().toString();
        ContractEvents.Sent event = ContractEvents.asSent(orderId, ContractEvents.orderCreated(orderId));
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>(event.envelope().type().topic(), orderId,
                "{not json".getBytes(StandardCharsets.UTF_8));
        event.toRecord().headers().forEach(header -> poison.headers().add(header));
        try (KafkaCompanion kafka = new KafkaCompanion(TestInfrastructure.kafka().bootstrapServers())) {
            kafka.produce(String.class, byte[].class).fromRecords(poison).awaitCompletion();
        }
        String ceId = event.envelope().id();

        String page = await().atMost(Duration.ofSeconds(30)).until(this::deadLetterPage,
                html -> lettersOf(html, ceId, "PENDING") == 1);
        Matcher link = Pattern.compile("href=\"(/console/dead-letters/console-service/\\d+/\\d+)\">"
                + "orders.OrderCreated.v1</a><br><code class=\"small\">" + ceId).matcher(page);
        assertThat(link.find()).as("a link to the letter").isTrue();
        assertThat(page).contains("orders.order-created.v1/");
        assertThat(given().cookie(OperatorSession.COOKIE, session).get("/console/").then().statusCode(200).extract()
                .asString()).as("the overview's attention list").containsPattern(
                        "console-service</a> has \\d+ pending dead letter");

        String letter = given().cookie(OperatorSession.COOKIE, session).get(link.group(1)).then().statusCode(200)
                .extract().asString();
        assertThat(letter).contains("{not json").contains("ce_id").contains(ceId).contains("dead-letter-reason")
                .contains("/console/orders/" + orderId);

        Response forged = given().cookie(OperatorSession.COOKIE, session).formParam("ceId", ceId)
                .formParam("csrf", "forged").redirects().follow(false)
                .post("/console/dead-letters/console-service/redrive");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(lettersOf(deadLetterPage(), ceId, "PENDING")).as("nothing re-driven by a forged form")
                .isEqualTo(1);

        Response redriven = given().cookie(OperatorSession.COOKIE, session).formParam("ceId", ceId)
                .formParam("csrf", OperatorSession.csrfOf(session)).redirects().follow(false)
                .post("/console/dead-letters/console-service/redrive");
        assertThat(redriven.statusCode()).isEqualTo(303);
        String result = given().cookie(OperatorSession.COOKIE, session)
                .get(redriven.header("Location").replaceFirst("#.*", "")).then()
                .statusCode(200).extract().asString();
        assertThat(result).contains("Re-drove 1 event of console-service");

        // still not JSON: it fails again, once, and is a new pending letter; the first is re-driven
        String after = await().atMost(Duration.ofSeconds(30)).until(this::deadLetterPage,
                html -> lettersOf(html, ceId, "PENDING") == 1 && lettersOf(html, ceId, "REDRIVEN") == 1);
        assertThat(after).contains(ceId);

        // the order's page shows its dead letters, though no event of it could be read
        String order = given().cookie(OperatorSession.COOKIE, session).get("/console/orders/" + orderId).then()
                .statusCode(200).extract().asString();
        assertThat(lettersOf(order, ceId, "PENDING")).isEqualTo(1);
        assertThat(lettersOf(order, ceId, "REDRIVEN")).isEqualTo(1);
        assertThat(order).contains("No event of this order has been read");
    }

    private String deadLetterPage() {
        return given().cookie(OperatorSession.COOKIE, session).get("/console/dead-letters").then().statusCode(200)
                .extract().asString();
    }

    private static long lettersOf(String page, String ceId, String state) {
        return Pattern.compile("<tr class=\"letter " + state + "\" data-ce-id=\"" + ceId + "\"").matcher(page)
                .results().count();
    }
}

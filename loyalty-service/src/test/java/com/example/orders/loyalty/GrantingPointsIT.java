package com.example.orders.loyalty;

import static com.example.orders.testsupport.EventTraffic.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.example.orders.events.DeadLetterHeaders;
import com.example.orders.events.Topics;
import com.example.orders.events.v1.CancellationReason;
import com.example.orders.events.v1.Money;
import com.example.orders.events.v1.OrderCancelledV1;
import com.example.orders.events.v1.OrderConfirmedV1;
import com.example.orders.platform.inbox.AppliedEvents;
import com.example.orders.testsupport.ContractEvents;
import com.example.orders.testsupport.EventTraffic;
import com.example.orders.testsupport.InSession;
import com.example.orders.testsupport.RealInfrastructure;
import com.example.orders.testsupport.Replaying;
import com.example.orders.testsupport.TestTokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * loyalty-service over a real broker and database, order-service played by the test: points granted once per confirmed
 * order however often the fact arrives, taken back by a later cancel, a contradiction sent to the dead-letter topic,
 * and the ledger rebuilt by a replay to the same statement.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = "service", value = "loyalty-service"))
class GrantingPointsIT {

    private static final List<String> CONSUMED = List.of(Topics.ORDER_CONFIRMED_V1, Topics.ORDER_CANCELLED_V1);

    @Inject
    AppliedEvents appliedEvents;

    @Test
    void grantsAConfirmedOrdersPointsOnceRecordsACancelledOneAndTakesBackAfterALaterCancel() {
        String customer = "cust-" + UUID.randomUUID().toString().substring(0, 8);
        String kept = UUID.randomUUID().toString();
        String cancelledBefore = UUID.randomUUID().toString();
        String cancelledAfter = UUID.randomUUID().toString();
        ContractEvents.Sent keptConfirmed = confirmed(kept, customer, "19.98");
        ContractEvents.Sent earlyCancel = cancelled(cancelledBefore, customer);
        ContractEvents.Sent lateConfirmed = confirmed(cancelledAfter, customer, "5.50");

        // everything twice, as a relay does after a crash
        send(keptConfirmed, keptConfirmed, earlyCancel, earlyCancel, lateConfirmed);
        awaitApplied(keptConfirmed, earlyCancel, lateConfirmed);
        ContractEvents.Sent lateCancel = cancelled(cancelledAfter, customer);
        send(lateCancel);
        awaitApplied(lateCancel);

        JsonPath statement = statement(customer, TestTokens.customer(customer));
        assertThat(statement.getLong("points")).isEqualTo(19);
        assertThat(entries(statement)).containsExactlyInAnyOrder(
                kept + " GRANTED 19", cancelledBefore + " NONE_EARNED 0", cancelledAfter + " GRANTED 5",
                cancelledAfter + " REVOKED -5");

        // what an operator sees of one order (the console's order page asks every service)
        JsonPath held = given().auth().oauth2(TestTokens.admin("on-call")).get("/ops/orders/" + cancelledAfter)
                .then().statusCode(200).extract().jsonPath();
        assertThat(held.getString("holdings[0].kind")).isEqualTo("points");
        assertThat(held.getList("holdings[0].rows.kind")).containsExactly("GRANTED", "REVOKED");
        assertThat(held.getList("holdings[0].rows.points", Integer.class)).containsExactly(5, -5);
    }

    @Test
    void aConfirmAfterTheOrderWasRecordedAsCancelledGoesToTheDeadLetterTopicWithTheReason() {
        String customer = "cust-" + UUID.randomUUID().toString().substring(0, 8);
        String orderId = UUID.randomUUID().toString();
        ContractEvents.Sent cancel = cancelled(orderId, customer);
        send(cancel);
        awaitApplied(cancel);

        send(confirmed(orderId, customer, "10.00"));

        String deadLetterTopic = Topics.deadLetterTopicOf("loyalty-service");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !EventTraffic.recordsOf(deadLetterTopic, orderId).isEmpty());
        ConsumerRecord<String, byte[]> letter = EventTraffic.recordsOf(deadLetterTopic, orderId).get(0);
        assertThat(new String(letter.headers().lastHeader(DeadLetterHeaders.REASON).value()))
                .contains("confirmed after it was recorded as cancelled");
        assertThat(entries(statement(customer, TestTokens.admin("on-call"))))
                .containsExactly(orderId + " NONE_EARNED 0");
    }

    @Test
    void aRebuildFromTheTopicsFoldsTheSameLedgerAgain() {
        String customer = "cust-" + UUID.randomUUID().toString().substring(0, 8);
        ContractEvents.Sent one = confirmed(UUID.randomUUID().toString(), customer, "42.00");
        ContractEvents.Sent two = cancelled(UUID.randomUUID().toString(), customer);
        send(one, two);
        awaitApplied(one, two);
        List<String> before = entries(statement(customer, TestTokens.admin("on-call")));

        List<Map<String, Object>> windows = Replaying.wholeTopics(CONSUMED);
        JsonPath rebuild = Replaying.replay(windows, false, true);

        assertThat(rebuild.getString("state")).isEqualTo("DONE");
        assertThat(Replaying.total(rebuild, "appliedNow")).isGreaterThanOrEqualTo(2);
        // the two topics are replayed one after the other, so the entries may be recorded in another order
        assertThat(entries(statement(customer, TestTokens.admin("on-call"))))
                .containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void aCustomerReadsOnlyTheirOwnPoints() {
        given().get("/api/loyalty/customers/alice").then().statusCode(401);
        given().auth().oauth2(TestTokens.customer("bob")).get("/api/loyalty/customers/alice").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.customer("alice")).get("/api/loyalty/customers/alice").then()
                .statusCode(200);
        given().auth().oauth2(TestTokens.admin("on-call")).get("/api/loyalty/customers/not a customer!").then()
                .statusCode(400).contentType("application/problem+json");
    }

    private static JsonPath statement(String customer, String token) {
        return given().auth().oauth2(token).get("/api/loyalty/customers/" + customer)
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<String> entries(JsonPath statement) {
        List<Map<String, Object>> entries = statement.getList("entries");
        return entries.stream().map(entry -> entry.get("orderId") + " " + entry.get("kind") + " " + entry.get("points"))
                .toList();
    }

    private void awaitApplied(ContractEvents.Sent... events) {
        for (ContractEvents.Sent event : events) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> InSession.await(() -> appliedEvents.wasApplied(event.envelope().id())));
        }
    }

    private static ContractEvents.Sent confirmed(String orderId, String customer, String total) {
        return ContractEvents.asSent(orderId, new OrderConfirmedV1(orderId, customer, null, Money.of(total, "EUR"),
                Instant.now()));
    }

    private static ContractEvents.Sent cancelled(String orderId, String customer) {
        return ContractEvents.asSent(orderId, new OrderCancelledV1(orderId, customer, null,
                CancellationReason.OUT_OF_STOCK, Instant.now()));
    }
}

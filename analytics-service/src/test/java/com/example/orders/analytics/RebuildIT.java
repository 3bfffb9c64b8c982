package com.example.orders.analytics;

import static com.example.orders.testsupport.EventTraffic.reply;
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

import org.junit.jupiter.api.Test;

import com.example.orders.events.Topics;
import com.example.orders.events.v1.Money;
import com.example.orders.events.v1.OrderConfirmedV1;
import com.example.orders.events.v1.OrderCreatedV1;
import com.example.orders.events.v1.OrderLine;
import com.example.orders.platform.inbox.AppliedEvents;
import com.example.orders.testsupport.ContractEvents;
import com.example.orders.testsupport.InSession;
import com.example.orders.testsupport.RealInfrastructure;
import com.example.orders.testsupport.Replaying;
import com.example.orders.testsupport.TestTokens;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The read model rebuilt from the topics while the service runs (docs/contract.md §4 {@code --rebuild}). */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = "service", value = "analytics-service"))
class RebuildIT {

    private static final List<String> CONSUMED = List.of(Topics.ORDER_CREATED_V1, Topics.ORDER_CONFIRMED_V1,
            Topics.ORDER_CANCELLED_V1);

    @Inject
    AppliedEvents appliedEvents;

    @Test
    void aRebuildEmptiesTheReadModelAndFoldsEveryEventAgainToTheSameSummary() {
        String orderId = UUID.randomUUID().toString();
        ContractEvents.Sent placed = ContractEvents.asSent(orderId, new OrderCreatedV1(orderId, "alice", null,
                List.of(new OrderLine("SKU-REBUILT", 3)), "tok_ok", Instant.now()));
        ContractEvents.Sent confirmed = reply(placed.envelope(), new OrderConfirmedV1(orderId, "alice", null,
                Money.of("12.00", "EUR"), Instant.now()));
        send(placed, confirmed);
        // the two facts arrive on two topics, applied by two channels in either order: the summary to compare with
        // is the one after both
        await().atMost(Duration.ofSeconds(20))
                .until(() -> InSession.await(() -> appliedEvents.wasApplied(placed.envelope().id()))
                        && InSession.await(() -> appliedEvents.wasApplied(confirmed.envelope().id())));
        String before = summary();
        // a read model gone wrong: a row no event ever made
        InSession.await(() -> Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                .createNativeQuery("""
                        insert into order_fact (order_id, placed_at, status, total_amount, currency, lines)
                        values (?1, now(), 'CONFIRMED', 999, 'EUR', cast('{"lines":[]}' as jsonb))""")
                .setParameter(1, UUID.randomUUID().toString())
                .executeUpdate())));
        assertThat(summary()).isNotEqualTo(before);

        List<Map<String, Object>> windows = Replaying.wholeTopics(CONSUMED);
        // events other tests published twice (as a relay does after a crash): applied once, the copy skipped
        long repeats = Replaying.repeatedEvents(windows);
        JsonPath rebuild = Replaying.replay(windows, false, true);

        assertThat(rebuild.getString("state")).isEqualTo("DONE");
        assertThat(Replaying.total(rebuild, "alreadyApplied")).as("everything was forgotten first, but for the copies")
                .isEqualTo(repeats);
        // what other tests left on the topics: records without an envelope, and envelopes around an unreadable
        // payload (dead-lettered again by the replay, as by the live consumer)
        long unreadable = Replaying.total(rebuild, "deadLettered");
        assertThat(Replaying.total(rebuild, "appliedNow")).isGreaterThanOrEqualTo(2)
                .isEqualTo(Replaying.total(rebuild, "records") - Replaying.total(rebuild, "notEvents") - unreadable
                        - repeats);
        assertThat(summary()).isEqualTo(before);

        JsonPath dryRun = Replaying.replay(Replaying.wholeTopics(CONSUMED), true, false);
        assertThat(Replaying.total(dryRun, "alreadyApplied"))
                .isEqualTo(Replaying.total(dryRun, "records") - Replaying.total(dryRun, "notEvents") - unreadable);
        assertThat(Replaying.total(dryRun, "appliedNow")).isZero();
        assertThat(summary()).isEqualTo(before);
    }

    @Test
    void aReplayIsForOperatorsAndOnlyOfTopicsTheServiceConsumes() {
        Map<String, Object> body = Map.of("partitions", List.of(Map.of("topic", Topics.PAYMENT_CAPTURED_V1,
                "partition", 0, "from", 0, "to", 1)), "dryRun", true, "rebuild", false);

        given().auth().oauth2(TestTokens.admin("on-call")).contentType(ContentType.JSON).body(body)
                .post("/ops/replays").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.customer("alice")).contentType(ContentType.JSON).body(body)
                .post("/ops/replays").then().statusCode(403);
        assertThat(given().auth().oauth2(TestTokens.admin("on-call")).get("/ops/consumption").then().statusCode(200)
                .extract().jsonPath().getList("topics", String.class)).containsExactlyInAnyOrderElementsOf(CONSUMED);
    }

    private static String summary() {
        return given().auth().oauth2(TestTokens.admin("ops")).get("/api/analytics/summary")
                .then().statusCode(200).extract().asString();
    }
}

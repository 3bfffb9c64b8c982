package com.example.orders.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The consumers and replays pages against a service that answers: the console itself, named in its own
 * {@code console.services} (it is a consumer group with {@code /ops} like every other), on the real broker.
 */
@QuarkusTest
@TestProfile(OperationsPagesIT.AskingItself.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = "service", value = "console-service"))
class OperationsPagesIT {

    /** The console listens on a port chosen here, so that it can name itself among the services it asks. */
    public static class AskingItself implements QuarkusTestProfile {

        private static final int PORT = freePort();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.test-port", Integer.toString(PORT), "console.services",
                    "console-service=http://127.0.0.1:" + PORT + ",stopped-service=http://127.0.0.1:1");
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final String session = TestTokens.admin("olivia");

    @Test
    void showsEachGroupsLagPerPartitionAndTheReadinessOfEachService() {
        String orderId = UUID.randomUUID().toString();
        produce(orderId);

        String page = await().atMost(Duration.ofSeconds(30)).until(() -> consumersPage(),
                html -> html.contains("data-group=\"console-service\" data-lag=\"0\""));

        assertThat(page).contains("data-group=\"order-service\"").contains("data-group=\"loyalty-service\"")
                .contains("orders.order-created.v1");
        assertThat(row(page, "readiness", "console-service")).contains("READY").doesNotContain("NOT");
        assertThat(row(page, "readiness", "kafka")).contains("READY").doesNotContain("NOT");
        assertThat(row(page, "readiness", "stopped-service")).contains("NOT ANSWERING");
        assertThat(row(page, "gauges", "console-service")).isNotEmpty();
    }

    @Test
    void aDryRunCountsWhatWasAppliedBeforeAndTheReplayAppliesNothingTwice() {
        String orderId = UUID.randomUUID().toString();
        produce(orderId);
        await().atMost(Duration.ofSeconds(30)).until(() -> consumersPage()
                .contains("data-group=\"console-service\" data-lag=\"0\""));

        String dryRun = startReplay("dry-run");
        assertThat(dryRun).contains("Dry run to console-service");
        assertThat(figure(dryRun, "would-apply")).isZero();
        assertThat(figure(dryRun, "applied-before")).isPositive();
        assertThat(dryRun).contains("id=\"replay-for-real\"");

        String replay = startReplay("replay");
        assertThat(figure(replay, "applied-now")).isZero();
        assertThat(figure(replay, "applied-before")).isPositive();
    }

    @Test
    void aReplayIsRefusedForAGroupWhoseServiceDoesNotAnswer() {
        Response refused = given().cookie(OperatorSession.COOKIE, session).formParam("csrf",
                OperatorSession.csrfOf(session)).formParam("group", "stopped-service").formParam("from", "earliest")
                .formParam("mode", "dry-run").redirects().follow(false).post("/console/replays");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.asString()).contains("Nothing was replayed");
    }

    /** Starts a replay of every topic of console-service from earliest; @return its page once it is done */
    private String startReplay(String mode) {
        Response started = given().cookie(OperatorSession.COOKIE, session).formParam("csrf",
                OperatorSession.csrfOf(session)).formParam("group", "console-service").formParam("from", "earliest")
                .formParam("mode", mode).redirects().follow(false).post("/console/replays");
        assertThat(started.statusCode()).as(started.asString()).isEqualTo(303);
        String location = started.header("Location");
        return await().atMost(Duration.ofSeconds(60)).until(() -> given().cookie(OperatorSession.COOKIE, session)
                .get(location).then().statusCode(200).extract().asString(),
                html -> html.contains("id=\"replay-state\">DONE"));
    }

    private void produce(String orderId) {
        try (KafkaCompanion kafka = new KafkaCompanion(TestInfrastructure.kafka().bootstrapServers())) {
            kafka.produce(String.class, byte[].class).fromRecords(ContractEvents.asSent(orderId,
                    ContractEvents.orderCreated(orderId)).toRecord()).awaitCompletion();
        }
    }

    private String consumersPage() {
        Response page = given().cookie(OperatorSession.COOKIE, session).get("/console/consumers");
        assertThat(page.statusCode()).as(page.asString()).isEqualTo(200);
        return page.asString();
    }

    private static String row(String page, String table, String service) {
        int start = page.indexOf("id=\"" + table + "\"");
        int row = page.indexOf("<tr data-service=\"" + service + "\">", start);
        return row < 0 ? "" : page.substring(row, page.indexOf("</tr>", row));
    }

    private static long figure(String page, String id) {
        Matcher figure = Pattern.compile("id=\"" + id + "\">(\\d+)<").matcher(page);
        assertThat(figure.find()).as(id + " on the page").isTrue();
        return Long.parseLong(figure.group(1));
    }
}

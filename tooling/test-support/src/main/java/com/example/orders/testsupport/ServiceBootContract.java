package com.example.orders.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * What every service proves about itself on a real broker and a real database: it is ready, it exposes metrics, and it
 * consumes a real record into its own database exactly once. A service's {@code @QuarkusTest} extends this and names
 * one event it consumes.
 */
public abstract class ServiceBootContract {

    /** One event of the contract that the service under test consumes. */
    protected abstract Record aConsumedEvent(String orderId);

    /** An order the consumed event may be about; a service that only applies facts about its own orders places one. */
    protected String anOrderId() {
        return UUID.randomUUID().toString();
    }

    @Test
    void isLiveAndReadyWithItsBrokerAndDatabase() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessFollowsTheBrokerThroughAnOutageWithoutARestart() {
        assertReadinessFollowsAnOutageOf(TestInfrastructure.kafka());
    }

    @Test
    void readinessFollowsTheDatabaseThroughAnOutageWithoutARestart() {
        Optional<Restartable> server = TestInfrastructure.databaseServerOf(serviceName());
        Assumptions.assumeTrue(server.isPresent(), "the database is external");
        assertReadinessFollowsAnOutageOf(server.get());
    }

    private static void assertReadinessFollowsAnOutageOf(Restartable infrastructure) {
        Assumptions.assumeTrue(infrastructure.canRestart(), "needs infrastructure this JVM can stop and start");
        given().get("/q/health/ready").then().statusCode(200);

        infrastructure.stop();
        try {
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503));
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            infrastructure.start();
        }

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200).body("status",
                        equalTo("UP")));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void appliesAConsumedEventOnceHoweverOftenItIsDeliveredAndCarriesOn() {
        String orderId = anOrderId();
        ContractEvents.Sent event = ContractEvents.asSent(orderId, aConsumedEvent(orderId));
        // same key, same topic, so the same partition: applied strictly after both copies of the first event
        ContractEvents.Sent later = ContractEvents.asSent(orderId, aConsumedEvent(orderId));

        try (KafkaCompanion kafka = new KafkaCompanion(TestInfrastructure.kafka().bootstrapServers())) {
            kafka.produce(String.class, byte[].class)
                    .fromRecords(event.toRecord(), event.toRecord(), later.toRecord())
                    .awaitCompletion();

            await().atMost(Duration.ofSeconds(30)).until(() -> appliedEventIdsOf(orderId).contains(later.envelope()
                    .id()));
            assertThat(appliedEventIdsOf(orderId)).containsExactlyInAnyOrder(event.envelope().id(),
                    later.envelope().id());
            assertThat(deadLettersOf(orderId)).isZero();
        }
    }

    private static String serviceName() {
        return ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
    }

    private static long deadLettersOf(String orderId) {
        return TopicRecords.all(TestInfrastructure.kafka().bootstrapServers(), serviceName() + ".dlq")
                .stream()
                .filter(record -> orderId.equals(record.key()))
                .count();
    }

    private static List<String> appliedEventIdsOf(String orderId) {
        return InSession.await(() -> Panache.getSession()
                .flatMap(s -> s.createNativeQuery("select event_id from applied_event where subject = ?1",
                        String.class)
                        .setParameter(1, orderId)
                        .getResultList()));
    }
}

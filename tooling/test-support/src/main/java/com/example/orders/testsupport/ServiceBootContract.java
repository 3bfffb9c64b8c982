package com.example.orders.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.inject.spi.CDI;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.example.orders.localinfra.TopicRecords;
import com.example.orders.platform.messaging.Consumption;
import com.example.orders.platform.messaging.ConsumptionConfig;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * What every service proves about itself on a real broker and a real database: it is ready, it exposes metrics, it
 * consumes a real record into its own database exactly once, and it tries a failing record a bounded number of times. A
 * service's {@code @QuarkusTest} extends this and names one event it consumes.
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

    @Test
    void triesAFailingEffectABoundedNumberOfTimesThenGivesItUpWithNothingApplied() {
        String orderId = anOrderId();
        Record payload = aConsumedEvent(orderId);
        ContractEvents.Sent event = ContractEvents.asSent(orderId, payload);
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> consume(event, () -> {
            attempts.incrementAndGet();
            return Uni.createFrom().failure(new IllegalStateException("the effect failed"));
        })).hasMessageContaining("the effect failed");

        assertThat(attempts).hasValue(1 + CDI.current().select(ConsumptionConfig.class).get().retries());
        assertThat(appliedEventIdsOf(orderId)).as("the mark rolled back with each failed effect").isEmpty();
    }

    @Test
    void triesATransientFailureAgainAndAppliesTheEventOnce() {
        String orderId = anOrderId();
        ContractEvents.Sent event = ContractEvents.asSent(orderId, aConsumedEvent(orderId));
        AtomicInteger attempts = new AtomicInteger();

        consume(event, () -> attempts.incrementAndGet() < 3
                ? Uni.createFrom().failure(new IllegalStateException("a passing failure"))
                : Uni.createFrom().voidItem());

        assertThat(attempts).hasValue(3);
        assertThat(appliedEventIdsOf(orderId)).containsExactly(event.envelope().id());
    }

    /** Consumes the event as the service's consumers do, with the given effect in place of the service's own. */
    @SuppressWarnings("unchecked")
    private static void consume(ContractEvents.Sent event, Supplier<Uni<Void>> effect) {
        ProducerRecord<String, byte[]> sent = event.toRecord();
        ConsumerRecord<String, byte[]> received = new ConsumerRecord<>(sent.topic(), 0, 0L, sent.key(),
                sent.value());
        sent.headers().forEach(header -> received.headers().add(header));
        Consumption consumption = CDI.current().select(Consumption.class).get();
        try {
            VertxContextSupport.subscribeAndAwait(() -> consumption.applyOnce(received,
                    (Class<Record>) event.payload().getClass(), (envelope, payload) -> effect.get()));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
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

package com.example.orders.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.inject.spi.CDI;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.example.orders.events.DeadLetterHeaders;
import com.example.orders.events.Topics;
import com.example.orders.operations.TopicRecords;
import com.example.orders.platform.inbox.AppliedEvents;
import com.example.orders.platform.messaging.Consumption;
import com.example.orders.platform.messaging.ConsumptionConfig;
import com.example.orders.platform.persistence.NativeSql;
import com.example.orders.platform.saga.Cause;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * What every service proves about itself on a real broker and a real database: it is ready, it exposes metrics, it
 * consumes a real record into its own database exactly once, and it tries a failing record a bounded number of times. A
 * service's {@code @QuarkusTest} extends this and names one event it consumes.
 */
public abstract class ServiceBootContract {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch");

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
        // an outage an earlier test made may still be ending (a consumer catching up)
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));

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

    /**
     * The calls of docs/contract.md §2 this service answers, by their path ({@code /api/orders}); empty for a service
     * without an HTTP API of its own.
     */
    protected Optional<String> httpApi() {
        return Optional.empty();
    }

    @Test
    void publishesAnOpenApiDocumentOfItsContractCallsAndTheirProblemAnswers() {
        JsonPath document = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, item) -> item.keySet().stream().filter(HTTP_METHODS::contains)
                .filter(method -> path.startsWith("/api/"))
                .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        Set<String> contracted = ContractCalls.read().stream()
                .filter(call -> httpApi().map(api -> call.path().startsWith(api)).orElse(false))
                .map(ContractCalls.Call::toString)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(documented).as("the /api calls in /q/openapi: those of docs/contract.md §2").isEqualTo(contracted);
        httpApi().ifPresent(api -> assertThat(contracted).as("calls of " + api + " in the contract").isNotEmpty());
        assertThat(document.getMap("components.schemas.Problem")).as("the problem+json body").isNotNull();
        for (String call : documented) {
            String[] parts = call.split(" ", 2);
            Map<String, Object> responses = document.getMap("paths.'" + parts[1] + "'."
                    + parts[0].toLowerCase(Locale.ROOT) + ".responses");
            for (String status : List.of("400", "401", "403", "503")) {
                assertThat(document.getMap("paths.'" + parts[1] + "'." + parts[0].toLowerCase(Locale.ROOT)
                        + ".responses.'" + status + "'.content")).as(call + " answers " + status + " as a problem")
                        .containsKey("application/problem+json");
            }
            assertThat(responses.keySet()).as(call + " documents its success").anyMatch(code -> code.startsWith("2"));
        }
    }

    @Test
    void tellsOnlyAnOperatorWhatItHoldsForAnOrder() {
        String orderId = anOrderId();
        given().get("/ops/orders/" + orderId).then().statusCode(401);
        given().auth().oauth2(TestTokens.customer("alice")).get("/ops/orders/" + orderId).then().statusCode(403);
        given().auth().oauth2(TestTokens.admin("olivia")).get("/ops/orders/" + orderId).then().statusCode(200)
                .body("orderId", equalTo(orderId)).body("service", equalTo(serviceName()))
                .body("holdings", org.hamcrest.Matchers.notNullValue());
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
    void aRecordThatArrivesDuringADatabaseOutageIsHeldAndAppliedOnceWhenTheDatabaseReturns() {
        Optional<Restartable> server = TestInfrastructure.databaseServerOf(serviceName());
        Assumptions.assumeTrue(server.isPresent() && server.get().canRestart(), "needs a database this JVM can stop");
        String orderId = anOrderId();
        ContractEvents.Sent event = ContractEvents.asSent(orderId, aConsumedEvent(orderId));
        String topic = event.envelope().type().topic();

        try (KafkaCompanion kafka = new KafkaCompanion(TestInfrastructure.kafka().bootstrapServers())) {
            server.get().stop();
            try {
                kafka.produce(String.class, byte[].class).fromRecords(event.toRecord()).awaitCompletion();

                await().atMost(Duration.ofSeconds(30)).until(() -> recordsWaitingOn(topic) >= 1);
                given().get("/q/health/ready").then().statusCode(503)
                        .body("checks.find { it.name == 'waiting on a dependency' }.status", equalTo("DOWN"));
                // far longer than the bounded retries of a failing record take (well under a second)
                await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                        .until(() -> recordsWaitingOn(topic) >= 1 && deadLettersOf(orderId) == 0);
            } finally {
                server.get().start();
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> appliedEventIdsOf(orderId).contains(event.envelope()
                    .id()));
            assertThat(appliedEventIdsOf(orderId)).containsExactly(event.envelope().id());
            assertThat(deadLettersOf(orderId)).as("a record held through an outage is no dead letter").isZero();
            await().atMost(Duration.ofSeconds(30)).until(() -> recordsWaitingOn(topic) == 0);
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        }
    }

    @Test
    void aRecordThatIsNotAnEventOfTheContractGoesToTheDeadLetterTopicAtOnce() {
        String orderId = anOrderId();
        ContractEvents.Sent event = ContractEvents.asSent(orderId, aConsumedEvent(orderId));
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>(event.envelope().type().topic(), orderId,
                "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        event.toRecord().headers().forEach(header -> poison.headers().add(header));
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> consume(poison, event.payload().getClass(), () -> {
            attempts.incrementAndGet();
            return Uni.createFrom().voidItem();
        })).isInstanceOf(com.example.orders.events.InvalidEventException.class);
        assertThat(attempts).as("no effect is tried for a record that cannot be read").hasValue(0);

        try (KafkaCompanion kafka = new KafkaCompanion(TestInfrastructure.kafka().bootstrapServers())) {
            kafka.produce(String.class, byte[].class).fromRecords(poison).awaitCompletion();
            await().atMost(Duration.ofSeconds(30)).until(() -> deadLettersOf(orderId) == 1);
        }
        assertThat(appliedEventIdsOf(orderId)).isEmpty();
    }

    @Test
    void triesAnUnclassifiedFailureAgainAndAppliesTheEventOnce() {
        String orderId = anOrderId();
        ContractEvents.Sent event = ContractEvents.asSent(orderId, aConsumedEvent(orderId));
        AtomicInteger attempts = new AtomicInteger();

        consume(event, () -> attempts.incrementAndGet() < 3
                ? Uni.createFrom().failure(new IllegalStateException("a passing failure"))
                : Uni.createFrom().voidItem());

        assertThat(attempts).hasValue(3);
        assertThat(appliedEventIdsOf(orderId)).containsExactly(event.envelope().id());
    }

    @Test
    void appliesABatchInOneTransactionInItsOrderEachEventOnce() {
        List<String> orders = List.of(anOrderId(), anOrderId(), anOrderId());
        List<ContractEvents.Sent> events = orders.stream()
                .map(orderId -> ContractEvents.asSent(orderId, aConsumedEvent(orderId))).toList();
        List<String> applied = new CopyOnWriteArrayList<>();
        Set<Long> transactions = ConcurrentHashMap.newKeySet();

        // the first event twice, as a relay that crashed before its delete publishes it again
        consumeAll(List.of(events.get(0), events.get(0), events.get(1), events.get(2)),
                (cause, payload) -> Panache.getSession()
                        .chain(session -> NativeSql.single(session, Long.class, "select txid_current()"))
                        .invoke(transaction -> {
                            transactions.add(transaction);
                            applied.add(cause.orderId());
                        })
                        .replaceWithVoid());

        assertThat(applied).as("each event once, in the order of the batch").containsExactlyElementsOf(orders);
        assertThat(transactions).as("one transaction for the batch").hasSize(1);
        for (int i = 0; i < orders.size(); i++) {
            assertThat(appliedEventIdsOf(orders.get(i))).containsExactly(events.get(i).envelope().id());
        }
    }

    @Test
    void aConsumerTransactionsOwnStatementsAreNotPlannedAgainForEveryRecord() {
        Statistics statistics = CDI.current().select(Mutiny.SessionFactory.class).get().getStatistics();
        assertThat(statistics.isStatisticsEnabled()).as("statistics on in the test profile").isTrue();
        AppliedEvents appliedEvents = CDI.current().select(AppliedEvents.class).get();
        // a batch of two, as Consumption applies it: its lock and marks, then each effect with the platform's reads
        Supplier<Long> missesOfOneConsumerTransaction = () -> {
            List<ContractEvents.Sent> events = Stream.generate(this::anOrderId).limit(2)
                    .map(orderId -> ContractEvents.asSent(orderId, aConsumedEvent(orderId))).toList();
            long before = statistics.getQueryPlanCacheMissCount();
            consumeAll(events, (cause, payload) -> appliedEvents.wasApplied(cause.eventId())
                    .chain(() -> appliedEvents.appliedAmong(List.of(cause.eventId())))
                    .replaceWithVoid());
            return statistics.getQueryPlanCacheMissCount() - before;
        };
        missesOfOneConsumerTransaction.get();

        // the service's own background work may plan a statement of its own meanwhile: one clean try of three is proof,
        // while a statement that misses every time fails all three
        List<Long> misses = Stream.generate(missesOfOneConsumerTransaction).limit(3).toList();
        assertThat(misses).as("Hibernate plan cache misses of one consumer transaction, run again").contains(0L);
    }

    @Test
    void aRecordThatKeepsFailingInABatchGoesToTheDeadLetterTopicAndTheOthersAreApplied() {
        String before = anOrderId();
        String failing = anOrderId();
        String after = anOrderId();
        List<ContractEvents.Sent> events = List.of(before, failing, after).stream()
                .map(orderId -> ContractEvents.asSent(orderId, aConsumedEvent(orderId))).toList();
        List<String> applied = new CopyOnWriteArrayList<>();

        consumeAll(events, (cause, payload) -> {
            if (cause.orderId().equals(failing)) {
                return Uni.createFrom().failure(new IllegalStateException("this event can never be applied"));
            }
            return Uni.createFrom().voidItem().invoke(() -> applied.add(cause.orderId()));
        });

        assertThat(appliedEventIdsOf(before)).containsExactly(events.get(0).envelope().id());
        assertThat(appliedEventIdsOf(after)).containsExactly(events.get(2).envelope().id());
        assertThat(appliedEventIdsOf(failing)).isEmpty();
        assertThat(applied).as("the batch rolled back, then each record on its own, in order").endsWith(before, after);
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLettersOf(failing) == 1);
        assertThat(TopicRecords
                .all(TestInfrastructure.kafka().bootstrapServers(), Topics.deadLetterTopicOf(serviceName())).stream()
                .filter(record -> failing.equals(record.key()))
                .map(record -> new String(record.headers().lastHeader(DeadLetterHeaders.REASON).value(),
                        java.nio.charset.StandardCharsets.UTF_8)))
                .containsExactly("this event can never be applied");
        assertThat(deadLettersOf(before) + deadLettersOf(after)).isZero();
    }

    /** Consumes the events as one batch of the service's live consumer, with the given effect in its place. */
    @SuppressWarnings("unchecked")
    private static void consumeAll(List<ContractEvents.Sent> events,
            BiFunction<Cause, Record, Uni<Void>> effect) {
        List<ConsumerRecord<String, byte[]>> batch = new java.util.ArrayList<>();
        for (ContractEvents.Sent event : events) {
            ProducerRecord<String, byte[]> sent = event.toRecord();
            ConsumerRecord<String, byte[]> received = new ConsumerRecord<>(sent.topic(), 0, batch.size(), sent.key(),
                    sent.value());
            sent.headers().forEach(header -> received.headers().add(header));
            batch.add(received);
        }
        Class<Record> payloadType = (Class<Record>) events.get(0).payload().getClass();
        Consumption consumption = CDI.current().select(Consumption.class).get();
        try {
            VertxContextSupport.subscribeAndAwait(() -> consumption.applyAll(batch, payloadType, effect));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Consumes the event as the service's consumers do, with the given effect in place of the service's own. */
    private static void consume(ContractEvents.Sent event, Supplier<Uni<Void>> effect) {
        consume(event.toRecord(), event.payload().getClass(), effect);
    }

    @SuppressWarnings("unchecked")
    private static void consume(ProducerRecord<String, byte[]> sent, Class<?> payloadType,
            Supplier<Uni<Void>> effect) {
        ConsumerRecord<String, byte[]> received = new ConsumerRecord<>(sent.topic(), 0, 0L, sent.key(),
                sent.value());
        sent.headers().forEach(header -> received.headers().add(header));
        Consumption consumption = CDI.current().select(Consumption.class).get();
        try {
            VertxContextSupport.subscribeAndAwait(() -> consumption.applyOnce(received,
                    (Class<Record>) payloadType, (cause, payload) -> effect.get()));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code messaging_records_waiting{topic}} as the service's Prometheus endpoint shows it. */
    private static double recordsWaitingOn(String topic) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("messaging_records_waiting{") && line.contains("topic=\"" + topic
                        + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static String serviceName() {
        return ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
    }

    private static long deadLettersOf(String orderId) {
        return TopicRecords.all(TestInfrastructure.kafka().bootstrapServers(), Topics.deadLetterTopicOf(serviceName()))
                .stream()
                .filter(record -> orderId.equals(record.key()))
                .count();
    }

    private static List<String> appliedEventIdsOf(String orderId) {
        return InSession.await(() -> Panache.getSession()
                .flatMap(session -> NativeSql.list(session, String.class,
                        "select event_id from applied_event where subject = $1", orderId)));
    }
}

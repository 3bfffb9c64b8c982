package com.example.orders.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.example.orders.events.EventType;
import com.example.orders.localinfra.SuiteService;
import com.example.orders.operations.TopicRecords;

/**
 * The fault suite (issue 11): under a steady load of orders through the gateway, from a client that retries a failed
 * POST with the same Idempotency-Key, one fault after another on the one running suite. Each fault gets its own round
 * of orders and SKUs; after it, with no step but the supervisor's restart of what was killed ({@code ./suite up}, as
 * Kubernetes would restart a pod), every accepted order is CONFIRMED or CANCELLED within {@link #BOUND} and
 * {@link Invariants} hold: stock conserved and nothing held, one capture per confirmed order and none standing on a
 * cancelled one, one email per outcome, no valid event in any dead-letter topic.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsEndToEndIT {

    /** After a fault ends, every accepted order is final within this. */
    static final Duration BOUND = Duration.ofSeconds(120);
    private static final int ORDERS_PER_SECOND = 4;
    private static final Duration BEFORE_AND_AFTER = Duration.ofSeconds(3);

    static Suite suite;
    static Api api;
    static Invariants invariants;
    static List<String> customers;

    @BeforeAll
    static void theSuiteRuns() {
        suite = RunningSuite.suite();
        api = RunningSuite.api();
        invariants = new Invariants(suite, api);
        // the gateway limits each credential to 50 requests/s; retries in an outage come in bursts
        customers = IntStream.range(0, 8).mapToObj(i -> api.customerToken("steady-" + i)).toList();
    }

    @Test
    @Order(1)
    void aDatabaseKilledForEightSecondsLosesNothingAndStallsNothing() throws Exception {
        underLoad(Duration.ofSeconds(8), () -> {
            suite.kill9("postgres");
            pause(Duration.ofSeconds(8));
            up();
        });
    }

    @Test
    @Order(2)
    void aBrokerKilledForEightSecondsLosesNothingAndStallsNothing() throws Exception {
        underLoad(Duration.ofSeconds(8), () -> {
            suite.kill9("kafka");
            pause(Duration.ofSeconds(8));
            up();
        });
    }

    @ParameterizedTest(name = "{0}")
    @Order(3)
    @ValueSource(strings = {"order-service", "inventory-service", "payment-service", "notification-service",
            "analytics-service"})
    void aServiceKilledMidLoadLosesNothingAndDoublesNothing(String service) throws Exception {
        underLoad(Duration.ofSeconds(2), service.equals("notification-service"), () -> {
            suite.kill9(service);
            pause(Duration.ofSeconds(2));
            up();
        });
    }

    @Test
    @Order(4)
    void aThirtySecondPaymentProviderOutageDelaysOrdersAndChargesEachOnce() throws Exception {
        underLoad(Duration.ofSeconds(30), () -> {
            assertThat(suite.run("down", "payment-provider").exitCode()).isZero();
            pause(Duration.ofSeconds(30));
            up();
        });
    }

    @Test
    @Order(5)
    void aMailServerOutageDelaysEmailsAndSendsEachOnce() throws Exception {
        underLoad(Duration.ofSeconds(15), () -> {
            assertThat(suite.run("down", "smtp-sink").exitCode()).isZero();
            pause(Duration.ofSeconds(15));
            up();
        });
    }

    /**
     * The production overlay runs replicas. A second instance of every service joins mid-load: each consumer group
     * shares its partitions between the two, and the two outbox relays of a database publish one at a time (an advisory
     * lock), so no event goes out twice. Then every second instance is killed, the groups rebalance back, and nothing
     * is lost or doubled.
     */
    @Test
    @Order(6)
    void aSecondInstanceOfEachServiceJoinsMidLoadSharesThePartitionsAndIsKilledWithoutDoublingAnything()
            throws Exception {
        List<String> services = Arrays.stream(SuiteService.values()).map(SuiteService::serviceName).toList();
        AtomicReference<Instant> killed = new AtomicReference<>();
        List<SteadyOrders.Placed> accepted = underLoad(Duration.ofSeconds(60), true, () -> {
            List<String> up = new ArrayList<>(List.of("up"));
            services.forEach(service -> up.addAll(List.of("--replica", service)));
            Suite.Result replicas = suite.run(Map.of("STARTUP_TRACE", "true"), up.toArray(String[]::new));
            assertThat(replicas.exitCode()).as(replicas.output()).isZero();
            try (Broker broker = new Broker(suite.kafkaBootstrapServers())) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    for (String group : services) {
                        // each channel is a member of its own: per topic, two members (one per instance) share it
                        Map<String, Long> holders = broker.assignmentsOf(group).stream()
                                .flatMap(partitions -> partitions.stream().map(TopicPartition::topic).distinct())
                                .collect(Collectors.groupingBy(topic -> topic, Collectors.counting()));
                        assertThat(holders).as("members of %s holding partitions of each topic", group)
                                .isNotEmpty()
                                .allSatisfy((topic, members) -> assertThat(members).as(topic).isEqualTo(2L));
                    }
                });
            }
            pause(BEFORE_AND_AFTER);
            killed.set(Instant.now());
            services.forEach(service -> suite.kill9(service + "-2"));
        });

        // while both instances ran, one relay per database published: no event twice. (A relay killed between the
        // broker's acknowledgement and deleting the row leaves it to be published again afterwards: at least once,
        // which consumers de-duplicate, as the invariants above show.)
        Set<String> orderIds = accepted.stream().map(SteadyOrders.Placed::orderId).collect(Collectors.toSet());
        for (EventType type : EventType.values()) {
            Map<String, Long> copies = TopicRecords.all(suite.kafkaBootstrapServers(), type.topic()).stream()
                    .filter(record -> orderIds.contains(record.key()))
                    .filter(record -> record.timestamp() < killed.get().toEpochMilli())
                    .collect(Collectors.groupingBy(record -> new String(record.headers().lastHeader("ce_id").value(),
                            StandardCharsets.UTF_8), Collectors.counting()));
            assertThat(copies).as("events published more than once on %s while both instances ran", type.topic())
                    .allSatisfy((eventId, count) -> assertThat(count).isEqualTo(1L));
        }
    }

    /**
     * One round: fresh SKUs stocked for about four fifths of what the round will ask (so some orders are cancelled out
     * of stock), the load, the fault in the middle of it, then the invariants.
     */
    private List<SteadyOrders.Placed> underLoad(Duration faultLength, Runnable fault) throws InterruptedException {
        return underLoad(faultLength, false, fault);
    }

    private List<SteadyOrders.Placed> underLoad(Duration faultLength, boolean mailerKilled, Runnable fault)
            throws InterruptedException {
        Outcomes saga = new Outcomes(api);
        long seconds = BEFORE_AND_AFTER.multipliedBy(2).plus(faultLength).toSeconds();
        int unitsPerSku = (int) (ORDERS_PER_SECOND * seconds * 1.5 * 0.8 / 2);
        Map<String, Integer> stocked = new LinkedHashMap<>();
        for (int i = 0; i < 2; i++) {
            stocked.put(saga.stocked(unitsPerSku, "1.50"), unitsPerSku);
        }

        try (SteadyOrders load = new SteadyOrders(URI.create("http://127.0.0.1:" + suite.port("GATEWAY_PORT")),
                customers, List.copyOf(stocked.keySet()), ORDERS_PER_SECOND)) {
            pause(BEFORE_AND_AFTER);
            fault.run();
            pause(BEFORE_AND_AFTER);
            load.finish(Duration.ofMinutes(3));

            assertThat(load.refused()).as("orders the front door refused for good").isEmpty();
            assertThat(load.accepted()).isNotEmpty();
            invariants.assertHold(stocked, load.accepted(), BOUND, mailerKilled);
            return load.accepted();
        }
    }

    private static void up() {
        Suite.Result up = suite.up();
        assertThat(up.exitCode()).as(up.output()).isZero();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

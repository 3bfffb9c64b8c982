package com.example.orders.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.example.orders.localinfra.SuiteService;
import com.example.orders.operations.TopicRecords;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The on-call drill of RUNBOOK.md, scripted: a faulty inventory-service release fails every order of one SKU; those
 * orders pile into {@code inventory-service.dlq} while the others flow; a redrive before the fix sends each back once,
 * not in a loop; after the fix one redrive completes every order, and stock, charges and emails are exactly what they
 * would have been without the incident. The steps run in order and share the orders they placed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncidentDrillEndToEndIT {

    private static final String GROUP = "inventory-service";

    static Suite suite;
    static Api api;
    static Outcomes saga;
    static String carol;
    static Instant drillStarted;
    static Instant fixStarted;
    static String faultySku;
    static String healthySku;
    static final List<String> faultyPaid = new ArrayList<>();
    static String faultyDeclined;
    static final List<String> healthy = new ArrayList<>();

    @BeforeAll
    static void theSuiteRuns() {
        suite = RunningSuite.suite();
        api = RunningSuite.api();
        saga = new Outcomes(api);
        carol = api.customerToken("carol");
    }

    @Test
    @Order(1)
    void ordersOfTheFaultySkuPileUpInTheDeadLetterTopicWhileTheOthersFlow() {
        drillStarted = Instant.now();
        faultySku = saga.stocked(20, "2.00");
        healthySku = saga.stocked(20, "3.00");
        restartInventory(Map.of("INVENTORY_FAULT_FAIL_ON_SKU", faultySku));

        for (int i = 0; i < 4; i++) {
            faultyPaid.add(api.place(carol, faultySku, 1, "tok_ok"));
            healthy.add(api.place(carol, healthySku, 1, "tok_ok"));
        }
        faultyDeclined = api.place(carol, faultySku, 2, "tok_declined");

        saga.awaitAllFinal(healthy).values()
                .forEach(order -> assertThat(order.get("status").asText()).isEqualTo("CONFIRMED"));
        List<String> faulty = faultyOrders();
        await().atMost(Outcomes.SAGA).until(() -> pendingDeadLetters().size() == faulty.size());
        assertThat(pendingDeadLetters()).allSatisfy(line -> {
            assertThat(line).contains("orders.OrderCreated.v1", "orders.order-created.v1/", "PENDING",
                    "drill fault");
        });
        assertThat(faulty).allSatisfy(orderId -> {
            assertThat(pendingDeadLetters()).anyMatch(line -> line.contains(orderId));
            assertThat(api.order(orderId).get("status").asText()).isEqualTo("PENDING");
        });
        saga.awaitStock(faultySku, 20, 0);
    }

    @Test
    @Order(2)
    void aRedriveBeforeTheFixSendsEachDeadLetterBackOnceNotInALoop() {
        Suite.Result redrive = suite.run("dlq", "redrive", GROUP);

        assertThat(redrive.exitCode()).as(redrive.output()).isZero();
        assertThat(redrive.output()).contains("re-drove 5 events");
        await().atMost(Outcomes.SAGA).until(() -> pendingDeadLetters().size() == 5);
        await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(30)).until(() -> {
            List<String> letters = deadLetters();
            return letters.size() == 10 && pending(letters).size() == 5;
        });
        assertThat(faultyOrders()).allSatisfy(
                orderId -> assertThat(api.order(orderId).get("status").asText()).isEqualTo("PENDING"));
    }

    @Test
    @Order(3)
    void afterTheFixOneRedriveCompletesEveryOrderAsIfNoIncidentHadHappened() {
        fixStarted = Instant.now();
        restartInventory(Map.of());

        Suite.Result redrive = suite.run("dlq", "redrive", GROUP);

        assertThat(redrive.exitCode()).as(redrive.output()).isZero();
        assertThat(redrive.output()).contains("re-drove 5 events");
        Map<String, JsonNode> finals = saga.awaitAllFinal(faultyOrders());
        faultyPaid.forEach(orderId -> assertThat(finals.get(orderId).get("status").asText()).isEqualTo("CONFIRMED"));
        saga.assertCancelled(faultyDeclined, "PAYMENT_DECLINED");
        saga.awaitStock(faultySku, 16, 0);
        saga.awaitStock(healthySku, 16, 0);
        saga.assertEveryConfirmedOrderChargedOnceAndNoOtherCharged(finals);
        faultyPaid.forEach(orderId -> saga.awaitExactlyOneEmail(orderId, "confirmed"));
        saga.awaitExactlyOneEmail(faultyDeclined, "cancelled");
        assertThat(pendingDeadLetters()).isEmpty();
        assertThat(suite.run("dlq", "redrive", GROUP).output()).contains("re-drove 0 events");
    }

    @Test
    @Order(4)
    void aDryRunCountsTheWindowFromATimeOrAnOffsetAndWhatWasAppliedBefore() {
        String group = "inventory-service";

        long all = wouldReplay(suite.run("replay", "--group", group, "--from", "earliest", "--dry-run"));
        long sinceTheDrill = wouldReplay(suite.run("replay", "--group", group, "--from", drillStarted.toString(),
                "--dry-run"));
        long beforeTheFix = wouldReplay(suite.run("replay", "--group", group, "--from", drillStarted.toString(),
                "--to", fixStarted.toString(), "--dry-run"));
        long sinceTheFix = wouldReplay(suite.run("replay", "--group", group, "--from", fixStarted.toString(),
                "--dry-run"));
        long future = wouldReplay(suite.run("replay", "--group", group, "--from", "2100-01-01T00:00:00Z",
                "--dry-run"));
        Suite.Result fromOffset = suite.run("replay", "--group", group, "--topic", "orders.order-created.v1",
                "--from-offset", "1", "--dry-run");

        // before the fix: 9 orders placed and 5 re-driven once; after it: 5 re-driven again and their outcomes
        assertThat(beforeTheFix).isGreaterThanOrEqualTo(14);
        assertThat(sinceTheFix).isGreaterThanOrEqualTo(5);
        assertThat(beforeTheFix + sinceTheFix).isEqualTo(sinceTheDrill);
        assertThat(all).isGreaterThanOrEqualTo(sinceTheDrill);
        assertThat(future).isZero();
        assertThat(fromOffset.exitCode()).as(fromOffset.output()).isZero();
        List<String[]> rows = fromOffset.output().lines()
                .filter(line -> line.startsWith("orders."))
                .map(line -> line.trim().split("\\s+"))
                .toList();
        assertThat(rows).as(fromOffset.output()).hasSize(3).allSatisfy(columns -> {
            assertThat(columns[0]).isEqualTo("orders.order-created.v1");
            assertThat(Long.parseLong(columns[2])).as("from").isEqualTo(Math.min(1, Long.parseLong(columns[3])));
        });
        Suite.Result unknownTopic = suite.run("replay", "--group", group, "--topic", "payments.payment-captured.v1",
                "--from", "earliest", "--dry-run");
        assertThat(unknownTopic.exitCode()).isOne();
        assertThat(unknownTopic.output()).contains("does not consume payments.payment-captured.v1");
    }

    @Test
    @Order(5)
    void aReplayOfEveryTopicToEveryGroupFromEarliestChangesNothing() {
        World before = awaitQuietWorld();

        for (SuiteService service : SuiteService.values()) {
            String group = service.serviceName();
            Suite.Result dryRun = suite.run("replay", "--group", group, "--from", "earliest", "--dry-run");
            assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
            assertThat(dryRun.output()).as(dryRun.output()).containsPattern("were applied before and would be "
                    + "skipped; 0 would be applied now");

            Suite.Result replay = suite.run("replay", "--group", group, "--from", "earliest");
            assertThat(replay.exitCode()).as(replay.output()).isZero();
            assertThat(replay.output()).as(replay.output()).containsPattern(
                    "replayed [1-9][0-9]* records to " + group + ": [1-9][0-9]* applied before \\(skipped\\), 0 "
                            + "applied now, 0 to the dead-letter topic");
        }

        assertThat(awaitQuietWorld()).isEqualTo(before);
        // loyalty-service, the consumer a new team added, holds each of the drill's orders once, replay or not
        Map<String, JsonNode> drillOrders = new TreeMap<>();
        Stream.concat(faultyOrders().stream(), healthy.stream())
                .forEach(orderId -> drillOrders.put(orderId, api.order(orderId)));
        assertThat(new Invariants(suite, api).loyaltyViolations(drillOrders)).isEmpty();
    }

    @Test
    @Order(6)
    void theAnalyticsReadModelRebuiltFromEarliestHasTheSameSummary() {
        World before = awaitQuietWorld();

        // the redrives above published the drill's dead-lettered OrderCreated again, each under its ce_id: a
        // rebuild applies each event once and skips its copies
        long copies = Stream.of("orders.order-created.v1", "orders.order-confirmed.v1", "orders.order-cancelled.v1")
                .flatMap(topic -> TopicRecords.all(suite.kafkaBootstrapServers(), topic).stream())
                .map(record -> record.headers().lastHeader("ce_id"))
                .filter(Objects::nonNull)
                .map(id -> new String(id.value(), StandardCharsets.UTF_8))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .values().stream().mapToLong(count -> count - 1).sum();
        assertThat(copies).as("the redriven OrderCreated").isPositive();

        Suite.Result rebuild = suite.run("replay", "--group", "analytics-service", "--from", "earliest",
                "--rebuild");

        assertThat(rebuild.exitCode()).as(rebuild.output()).isZero();
        assertThat(rebuild.output()).as(rebuild.output())
                .contains("its read model rebuilt: " + copies + " applied before");
        assertThat(awaitQuietWorld()).isEqualTo(before);
    }

    @Test
    @Order(7)
    void stoppedGroupsReplayedByMovingTheirOffsetsBackChangeNothing() {
        World before = awaitQuietWorld();
        List<String> groups = List.of("inventory-service", "payment-service", "notification-service");
        List<String> down = new ArrayList<>(List.of("down"));
        down.addAll(groups);
        assertThat(suite.run(down.toArray(String[]::new)).exitCode()).isZero();

        Suite.Result withTo = suite.run("replay", "--group", "payment-service", "--from", "earliest", "--to",
                "2100-01-01T00:00:00Z");
        assertThat(withTo.exitCode()).isOne();
        assertThat(withTo.output()).contains("payment-service is not running");
        Suite.Result replay = suite.run("replay", "--group", "payment-service", "--from", "earliest");
        assertThat(replay.exitCode()).as(replay.output()).isZero();
        assertThat(replay.output()).contains("its offsets were moved back");
        // the same with Kafka's own tool, as an on-call engineer without this suite's CLI would
        for (String group : List.of("inventory-service", "notification-service")) {
            Suite.Result reset = kafkaConsumerGroups("--group", group, "--reset-offsets", "--to-earliest",
                    "--all-topics", "--execute");
            assertThat(reset.exitCode()).as(reset.output()).isZero();
        }
        Suite.Result up = suite.up();
        assertThat(up.exitCode()).as(up.output()).isZero();

        for (String group : groups) {
            awaitCaughtUp(group);
        }
        assertThat(awaitQuietWorld()).isEqualTo(before);
    }

    // --- helpers ---

    /** The records a dry run says would be re-delivered, after checking that none would be applied now. */
    private static long wouldReplay(Suite.Result dryRun) {
        assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
        Matcher summary = Pattern.compile("dry run: (\\d+) records would be re-delivered to [a-z-]+; (\\d+) were "
                + "applied before and would be skipped; 0 would be applied now").matcher(dryRun.output());
        assertThat(summary.find()).as(dryRun.output()).isTrue();
        return Long.parseLong(summary.group(1));
    }

    /**
     * What an incident must not change, for this drill's orders and SKUs: stock, the provider's captures and refunds,
     * the emails; and the whole analytics summary.
     */
    record World(String faultyStock, String healthyStock, Map<String, String> ledgers, Map<String, Integer> emails,
            String summary, String carolsPoints) {
    }

    /** The world once it stopped moving: the same twice, three seconds apart. */
    private static World awaitQuietWorld() {
        World[] last = {world()};
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3)).until(() -> {
            World now = world();
            boolean quiet = now.equals(last[0]);
            last[0] = now;
            return quiet;
        });
        return last[0];
    }

    private static World world() {
        Map<String, String> ledgers = new TreeMap<>();
        Map<String, Integer> emails = new TreeMap<>();
        List<String> orders = new ArrayList<>(faultyOrders());
        orders.addAll(healthy);
        for (String orderId : orders) {
            JsonNode ledger = api.ledgerOf(orderId);
            ledgers.put(orderId, ledger.get("captures").size() + " captures, " + ledger.get("refunds").size()
                    + " refunds");
            emails.put(orderId, api.emailsAbout(orderId).size());
        }
        return new World(api.stockOf(faultySku).toString(), api.stockOf(healthySku).toString(), ledgers, emails,
                api.summary().toString(), api.loyaltyOf("carol").toString());
    }

    /** Waits until the group has committed up to the end of every partition it reads. */
    private static void awaitCaughtUp(String group) {
        await().atMost(Outcomes.SAGA).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Suite.Result describe = kafkaConsumerGroups("--describe", "--group", group);
            assertThat(describe.exitCode()).as(describe.output()).isZero();
            // GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG ...; an empty partition has no offset to commit
            List<String[]> partitions = describe.output().lines()
                    .filter(line -> line.startsWith(group + " "))
                    .map(line -> line.trim().split("\\s+"))
                    .toList();
            assertThat(partitions).as(describe.output()).isNotEmpty()
                    .allMatch(columns -> columns[5].equals("0") || columns[4].equals("0"));
        });
    }

    private static Suite.Result kafkaConsumerGroups(String... args) {
        List<String> command = new ArrayList<>(List.of("tooling/kafka-broker/bin/kafka-consumer-groups.sh",
                "--bootstrap-server", suite.kafkaBootstrapServers()));
        command.addAll(List.of(args));
        return suite.exec(command);
    }

    private static List<String> faultyOrders() {
        List<String> faulty = new ArrayList<>(faultyPaid);
        faulty.add(faultyDeclined);
        return faulty;
    }

    /** The lines of {@code ./suite dlq list} about this drill's orders. */
    private static List<String> deadLetters() {
        Suite.Result list = suite.run("dlq", "list", GROUP);
        assertThat(list.exitCode()).as(list.output()).isZero();
        return list.output().lines()
                .filter(line -> faultyOrders().stream().anyMatch(line::contains))
                .toList();
    }

    private static List<String> pendingDeadLetters() {
        return pending(deadLetters());
    }

    private static List<String> pending(List<String> deadLetters) {
        return deadLetters.stream().filter(line -> line.contains(" PENDING ")).toList();
    }

    /** Stops inventory-service and starts it again with the given environment: a release, or its rollback. */
    private static void restartInventory(Map<String, String> environment) {
        assertThat(suite.run("down", GROUP).exitCode()).isZero();
        Suite.Result up = suite.run(environment, "up");
        assertThat(up.exitCode()).as(up.output()).isZero();
    }
}

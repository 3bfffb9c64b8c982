package com.example.orders.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.example.orders.events.CloudEventHeaders;
import com.example.orders.events.EventType;
import com.example.orders.localinfra.SuiteService;
import com.example.orders.operations.TopicRecords;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an on-call engineer follows an order by, on the real suite: one trace per order across all five services and
 * Kafka (the services export to the test's own OTLP receiver, {@link SpanCollector}), and the trace id on every record
 * and on every step of the order's timeline.
 */
class ObservabilityEndToEndIT {

    private static final Set<String> FIVE_SERVICES = Arrays.stream(SuiteService.values())
            .map(SuiteService::serviceName).collect(Collectors.toSet());

    static Suite suite;
    static Api api;
    static Outcomes saga;
    static String alice;

    @BeforeAll
    static void theSuiteRuns() {
        suite = RunningSuite.suite();
        api = RunningSuite.api();
        saga = new Outcomes(api);
        alice = api.customerToken("alice");
    }

    @Test
    void oneOrderIsOneTraceWithSpansOfAllFiveServicesLinkedThroughKafka() {
        String sku = saga.stocked(5, "2.50");
        String orderId = api.place(alice, sku, 1, "tok_ok");
        JsonNode order = saga.awaitFinal(orderId);
        assertThat(order.get("status").asText()).isEqualTo("CONFIRMED");
        saga.awaitExactlyOneEmail(orderId, "confirmed");
        String traceId = traceOf(order);

        // every service handled the order, and the mail went out, in that one trace (spans arrive in batches, a
        // publish's maybe after the handling it caused: the whole picture is waited for)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertOneLinkedTrace(suite.spans().trace(traceId)));
    }

    private static void assertOneLinkedTrace(List<SpanCollector.ReceivedSpan> spans) {
        assertThat(spans).extracting(SpanCollector.ReceivedSpan::service).containsAll(FIVE_SERVICES);
        assertThat(spans).extracting(SpanCollector.ReceivedSpan::name)
                .contains("POST /v1/captures", "send email ORDER_CONFIRMED");
        Map<String, SpanCollector.ReceivedSpan> byId = spans.stream()
                .collect(Collectors.toMap(SpanCollector.ReceivedSpan::spanId, Function.identity(), (a, b) -> a));

        // one root, the customer's POST; every other span's parent is in the trace
        assertThat(spans).filteredOn(span -> span.parentSpanId().isEmpty())
                .singleElement()
                .satisfies(root -> {
                    assertThat(root.service()).isEqualTo("order-service");
                    assertThat(root.kind()).isEqualTo("SPAN_KIND_SERVER");
                });
        assertThat(spans).filteredOn(span -> !span.parentSpanId().isEmpty())
                .allSatisfy(span -> assertThat(byId).as("the parent of %s", span).containsKey(span.parentSpanId()));

        // through Kafka: each handling is a child of the publish of the record it handled
        List<SpanCollector.ReceivedSpan> handlings = spans.stream()
                .filter(span -> span.kind().equals("SPAN_KIND_CONSUMER")).toList();
        assertThat(handlings).extracting(SpanCollector.ReceivedSpan::service).containsAll(FIVE_SERVICES);
        assertThat(handlings).allSatisfy(handling -> {
            SpanCollector.ReceivedSpan parent = byId.get(handling.parentSpanId());
            assertThat(parent.kind()).isEqualTo("SPAN_KIND_PRODUCER");
            assertThat(parent.name()).isEqualTo(handling.name().replace("process ", "send "));
        });
    }

    @Test
    void everyRecordOfAnOrderCarriesATraceparentOfItsTrace() {
        String sku = saga.stocked(5, "1.25");
        String orderId = api.place(alice, sku, 2, "tok_ok");
        JsonNode order = saga.awaitFinal(orderId);
        String traceId = traceOf(order);

        List<ConsumerRecord<String, byte[]>> records = Arrays.stream(EventType.values())
                .map(EventType::topic).distinct()
                .flatMap(topic -> TopicRecords.withKey(suite.kafkaBootstrapServers(), topic, orderId).stream())
                .toList();

        assertThat(records).extracting(ConsumerRecord::topic).contains(EventType.ORDER_CREATED.topic(),
                EventType.ORDER_CONFIRMED.topic());
        assertThat(records).allSatisfy(record -> {
            Header traceparent = record.headers().lastHeader(CloudEventHeaders.TRACEPARENT);
            assertThat(traceparent).as("traceparent on %s", record.topic()).isNotNull();
            assertThat(new String(traceparent.value(), StandardCharsets.UTF_8))
                    .as("traceparent on %s", record.topic())
                    .matches("00-" + traceId + "-[0-9a-f]{16}-01");
        });
    }

    @Test
    void everyServiceThatTouchedAnOrderLogsJsonLinesWithItsOrderIdAndTraceId() {
        String sku = saga.stocked(5, "3.75");
        String orderId = api.place(alice, sku, 1, "tok_ok");
        JsonNode order = saga.awaitFinal(orderId);
        saga.awaitExactlyOneEmail(orderId, "confirmed");
        String traceId = traceOf(order);

        for (String service : FIVE_SERVICES) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ServiceLogs.of(suite, service))
                    .as("%s's log lines of order %s", service, orderId)
                    .filteredOn(line -> orderId.equals(ServiceLogs.context(line, "orderId")))
                    .isNotEmpty()
                    .allSatisfy(line -> {
                        assertThat(line.path("service").asText()).isEqualTo(service);
                        assertThat(line.path("level").asText()).isNotEmpty();
                        assertThat(line.path("timestamp").asText()).isNotEmpty();
                        assertThat(ServiceLogs.context(line, "traceId")).isEqualTo(traceId);
                        assertThat(ServiceLogs.context(line, "spanId")).matches("[0-9a-f]{16}");
                        assertThat(ServiceLogs.context(line, "ce_id")).isNotEmpty();
                        assertThat(ServiceLogs.context(line, "consumerGroup")).isEqualTo(service);
                    }));
        }
    }

    @Test
    void theMetricsCountAKnownMixOfOrders() {
        Metrics orderBefore = api.metrics(SuiteService.ORDER);
        Metrics paymentBefore = api.metrics(SuiteService.PAYMENT);
        String stocked = saga.stocked(10, "2.00");
        String soldOut = saga.stocked(0, "2.00");
        List<String> orders = saga.placeAll(List.of(
                api.placeAsync(alice, stocked, 1, "tok_ok"), api.placeAsync(alice, stocked, 1, "tok_ok"),
                api.placeAsync(alice, stocked, 1, "tok_ok"), api.placeAsync(alice, soldOut, 1, "tok_ok"),
                api.placeAsync(alice, soldOut, 1, "tok_ok"), api.placeAsync(alice, stocked, 1, "tok_declined")));
        saga.awaitAllFinal(orders);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Metrics order = api.metrics(SuiteService.ORDER);
            Metrics payment = api.metrics(SuiteService.PAYMENT);
            assertThat(delta(orderBefore, order, "saga_outcomes_total", Map.of("outcome", "confirmed")))
                    .isEqualTo(3);
            assertThat(delta(orderBefore, order, "saga_outcomes_total", Map.of("outcome", "cancelled",
                    "reason", "OUT_OF_STOCK", "gave_up_waiting_for", ""))).isEqualTo(2);
            assertThat(delta(orderBefore, order, "saga_outcomes_total", Map.of("outcome", "cancelled",
                    "reason", "PAYMENT_DECLINED"))).isEqualTo(1);
            assertThat(delta(orderBefore, order, "saga_duration_seconds_count", Map.of())).isEqualTo(6);
            assertThat(delta(orderBefore, order, "saga_duration_seconds_count", Map.of("outcome", "confirmed")))
                    .isEqualTo(3);
            assertThat(delta(orderBefore, order, "saga_duration_seconds_bucket", Map.of("le", "+Inf")))
                    .isEqualTo(6);
            assertThat(delta(paymentBefore, payment, "payment_provider_calls_total", Map.of("call", "captures",
                    "result", "captured"))).isEqualTo(3);
            assertThat(delta(paymentBefore, payment, "payment_provider_calls_total", Map.of("call", "captures",
                    "result", "declined"))).isEqualTo(1);
        });

        // and the gauges the alerts read, on every service that has them
        // every group has caught up with the mix: its lag, as the broker sees it, comes down to 0
        for (SuiteService service : SuiteService.values()) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Metrics metrics = api.metrics(service);
                assertThat(metrics.has("messaging_consumer_lag", "group", "topic", "partition"))
                        .as("consumer lag per partition on %s", service).isTrue();
                assertThat(metrics.sum("messaging_consumer_lag", Map.of("group", service.serviceName())))
                        .as("the lag of %s", service).isZero();
            });
        }
        for (SuiteService producer : List.of(SuiteService.ORDER, SuiteService.INVENTORY, SuiteService.PAYMENT)) {
            Metrics metrics = api.metrics(producer);
            assertThat(metrics.has("outbox_lag_seconds")).as("outbox lag on %s", producer).isTrue();
            assertThat(metrics.sum("outbox_lag_seconds", Map.of())).as("outbox lag on %s", producer)
                    .isLessThan(10);
        }
        Metrics payment = api.metrics(SuiteService.PAYMENT);
        assertThat(payment.sum("resilience4j_circuitbreaker_state", Map.of("name", "payment-provider",
                "state", "closed"))).isEqualTo(1);
        assertThat(api.metrics(SuiteService.ORDER).has("saga_orders_overdue")).isTrue();
    }

    private static double delta(Metrics before, Metrics after, String name, Map<String, String> labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    /** The order's trace: every step of its timeline names it. */
    private static String traceOf(JsonNode order) {
        List<String> traces = order.get("timeline").findValuesAsText("traceId");
        assertThat(traces).as("the trace ids of %s", order.get("timeline")).isNotEmpty()
                .allMatch(id -> id.matches("[0-9a-f]{32}"));
        assertThat(Set.copyOf(traces)).as("the trace ids of %s", order.get("timeline")).hasSize(1);
        return traces.get(0);
    }
}

package com.example.orders.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.example.orders.events.EventEnvelope;
import com.example.orders.events.EventSerde;
import com.example.orders.events.Topics;
import com.example.orders.events.v1.OrderCreatedV1;
import com.example.orders.operations.TopicRecords;
import com.example.orders.platform.outbox.Outbox;
import com.example.orders.platform.tracing.TraceContexts;
import com.example.orders.platform.tracing.Tracing;
import com.example.orders.testsupport.ContractEvents;
import com.example.orders.testsupport.InSession;
import com.example.orders.testsupport.RealInfrastructure;
import com.example.orders.testsupport.TestInfrastructure;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/** The outbox on a real broker and database; in tests the relay's timer is an hour, so only a commit can wake it. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = "service", value = "order-service"))
class OutboxRelayIT {

    private static final String TRACEPARENT = "00-[0-9a-f]{32}-[0-9a-f]{16}-01";

    @Inject
    Outbox outbox;

    @Inject
    Tracer tracer;

    @Test
    void publishesACommittedEventAsACloudEventKeyedByOrderIdAndCleansUp() {
        String orderId = UUID.randomUUID().toString();
        OrderCreatedV1 created = ContractEvents.orderCreated(orderId);

        EventEnvelope sent = InSession.await(() -> Panache.withTransaction(() -> outbox.startSaga(orderId, created)));

        ConsumerRecord<String, byte[]> record = awaitRecords(Topics.ORDER_CREATED_V1, orderId, 1).get(0);
        EventEnvelope published = EventEnvelope.readFrom(record.headers());
        // the same CloudEvent; its traceparent is the publish's span, the root of a trace as nothing traced appended it
        assertThat(published.withTraceparent(sent.traceparent())).isEqualTo(sent);
        assertThat(published.traceparent()).matches(TRACEPARENT);
        assertThat(sent.source()).isEqualTo("/order-service");
        assertThat(EventSerde.deserialize(record.value(), OrderCreatedV1.class)).isEqualTo(created);
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingRows() == 0);
    }

    @Test
    void publishesAnEventInTheTraceOfTheWorkThatAppendedIt() {
        String orderId = UUID.randomUUID().toString();
        Span work = tracer.spanBuilder("placing an order").startSpan();
        String workTrace = TraceContexts.of(work.getSpanContext()).orElseThrow().traceparent();

        EventEnvelope sent = InSession.await(() -> Panache.withTransaction(() -> Tracing.within(work,
                () -> outbox.startSaga(orderId, ContractEvents.orderCreated(orderId)))));
        work.end();

        assertThat(sent.traceparent()).as("the row keeps the trace of the work that appended it").isEqualTo(workTrace);
        String published = EventEnvelope.readFrom(awaitRecords(Topics.ORDER_CREATED_V1, orderId, 1).get(0)
                .headers()).traceparent();
        assertThat(published).as("the record names the publish, a child in the same trace").matches(TRACEPARENT)
                .isNotEqualTo(workTrace);
        assertThat(TraceContexts.traceIdOf(published)).isEqualTo(TraceContexts.traceIdOf(workTrace))
                .hasValue(work.getSpanContext().getTraceId());
    }

    @Test
    void publishesNothingFromATransactionThatRolledBack() {
        String orderId = UUID.randomUUID().toString();
        assertThatThrownBy(() -> InSession.await(() -> Panache.withTransaction(() -> outbox
                .startSaga(orderId, ContractEvents.orderCreated(orderId))
                .flatMap(appended -> Uni.createFrom().failure(new IllegalStateException("the use case failed"))))))
                .hasMessageContaining("the use case failed");

        // a later event of the same order travels on the same partition, behind anything appended before it
        EventEnvelope committed = InSession.await(() -> Panache.withTransaction(() -> outbox.startSaga(orderId,
                ContractEvents.orderCreated(orderId))));

        List<ConsumerRecord<String, byte[]>> records = awaitRecords(Topics.ORDER_CREATED_V1, orderId, 1);
        assertThat(records).singleElement()
                .satisfies(r -> assertThat(EventEnvelope.readFrom(r.headers()).id()).isEqualTo(committed.id()));
    }

    @Test
    void publishesAnOrdersEventsInTheOrderTheirTransactionsCommitted() {
        String orderId = UUID.randomUUID().toString();
        List<String> appended = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            appended.add(InSession.await(() -> Panache.withTransaction(() -> outbox.startSaga(orderId,
                    ContractEvents.orderCreated(orderId)))).id());
        }

        List<String> published = awaitRecords(Topics.ORDER_CREATED_V1, orderId, 30).stream()
                .map(r -> new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .toList();

        assertThat(published).containsExactlyElementsOf(appended);
    }

    private static List<ConsumerRecord<String, byte[]>> awaitRecords(String topic, String orderId, int count) {
        String kafka = TestInfrastructure.kafka().bootstrapServers();
        await().atMost(Duration.ofSeconds(20)).until(() -> TopicRecords.withKey(kafka, topic, orderId).size() >= count);
        return TopicRecords.withKey(kafka, topic, orderId);
    }

    private static long pendingRows() {
        return InSession.await(() -> Panache.getSession()
                .flatMap(s -> s.createNativeQuery("select count(*) from outbox_event", Long.class).getSingleResult()));
    }
}

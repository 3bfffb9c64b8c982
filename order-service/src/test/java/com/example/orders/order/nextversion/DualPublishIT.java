package com.example.orders.order.nextversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.example.orders.events.CloudEventHeaders;
import com.example.orders.events.EventEnvelope;
import com.example.orders.events.EventSerde;
import com.example.orders.events.Topics;
import com.example.orders.events.v1.OrderConfirmedV1;
import com.example.orders.operations.TopicRecords;
import com.example.orders.platform.inbox.AppliedEvents;
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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;

/**
 * The first step of a breaking change, on a real broker and database: with {@link OrderConfirmedV2Beside} declared, the
 * outbox publishes each OrderConfirmed on {@code orders.order-confirmed.v1} and, as the same event in its new shape, on
 * {@code orders.order-confirmed.v2} (docs/adding-a-consumer.md, "Changing a schema").
 */
@QuarkusTest
@TestProfile(DualPublishIT.PublishingV2Beside.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = "service", value = "order-service"))
class DualPublishIT {

    public static final class PublishingV2Beside implements QuarkusTestProfile {

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(OrderConfirmedV2Beside.class);
        }
    }

    @Inject
    Outbox outbox;

    @Inject
    AppliedEvents appliedEvents;

    @Inject
    Tracer tracer;

    @Test
    void aConfirmedOrderGoesOutOnV1AndOnV2AsOneEventInTwoShapes() {
        String orderId = UUID.randomUUID().toString();
        OrderConfirmedV1 confirmed = ContractEvents.orderConfirmed(orderId);

        Span work = tracer.spanBuilder("confirming an order").startSpan();
        EventEnvelope sent = InSession.await(() -> Panache.withTransaction(() -> Tracing.within(work,
                () -> outbox.startSaga(orderId, ContractEvents.orderCreated(orderId))
                        .flatMap(created -> outbox.emitInSaga(orderId, created.correlationId(), created.id(),
                                confirmed)))));
        work.end();

        ConsumerRecord<String, byte[]> v1 = awaitOne(Topics.ORDER_CONFIRMED_V1, orderId);
        ConsumerRecord<String, byte[]> v2 = awaitOne(OrderConfirmedV2Beside.TOPIC, orderId);

        EventEnvelope onV1 = EventEnvelope.readFrom(v1.headers());
        assertThat(onV1.withTraceparent(sent.traceparent())).isEqualTo(sent);
        assertThat(EventSerde.deserialize(v1.value(), OrderConfirmedV1.class)).as("v1 as it was appended")
                .isEqualTo(confirmed);
        assertThat(header(v2, CloudEventHeaders.TYPE)).isEqualTo("orders.OrderConfirmed.v2");
        assertThat(header(v2, CloudEventHeaders.ID)).as("one event: consumers de-duplicate on ce_id")
                .isEqualTo(sent.id());
        assertThat(List.of(CloudEventHeaders.SOURCE, CloudEventHeaders.SUBJECT, CloudEventHeaders.CORRELATION_ID,
                CloudEventHeaders.CAUSATION_ID, CloudEventHeaders.TIME))
                .allSatisfy(name -> assertThat(header(v2, name)).as(name).isEqualTo(header(v1, name)));
        assertThat(v2.key()).as("keyed by order id, so an order's v2 events keep their order").isEqualTo(orderId);
        assertThat(List.of(onV1.traceparent(), header(v2, CloudEventHeaders.TRACEPARENT)))
                .as("both publishes continue the trace of the work that appended the event")
                .allSatisfy(published -> assertThat(TraceContexts.traceIdOf(published))
                        .hasValue(work.getSpanContext().getTraceId()));
        assertThat(EventSerde.deserialize(v2.value(), OrderConfirmedV2.class)).isEqualTo(new OrderConfirmedV2(orderId,
                confirmed.customerId(), confirmed.customerEmail(), 1998, "EUR", confirmed.confirmedAt()));

        assertThat(TopicRecords.withKey(kafka(), Topics.ORDER_CREATED_V1, orderId))
                .as("an event without a next version goes out once").hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingRows() == 0);
    }

    @Test
    void aConfirmThatRolledBackGoesOutInNeitherVersion() {
        String orderId = UUID.randomUUID().toString();
        assertThatThrownBy(() -> InSession.await(() -> Panache.withTransaction(() -> outbox
                .startSaga(orderId, ContractEvents.orderConfirmed(orderId))
                .flatMap(appended -> Uni.createFrom().failure(new IllegalStateException("the use case failed"))))))
                .hasMessageContaining("the use case failed");
        EventEnvelope committed = InSession.await(() -> Panache.withTransaction(() -> outbox.startSaga(orderId,
                ContractEvents.orderConfirmed(orderId))));

        // the committed one is behind the rolled-back one on both topics' partition of this order, had it gone out
        awaitOne(Topics.ORDER_CONFIRMED_V1, orderId);
        awaitOne(OrderConfirmedV2Beside.TOPIC, orderId);
        assertThat(List.of(Topics.ORDER_CONFIRMED_V1, OrderConfirmedV2Beside.TOPIC)).allSatisfy(topic -> assertThat(
                TopicRecords.withKey(kafka(), topic, orderId)).singleElement()
                .satisfies(record -> assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(committed.id())));
    }

    @Test
    void aConsumerMovingFromV1ToV2FindsTheEventsItAppliedFromV1AlreadyApplied() {
        String orderId = UUID.randomUUID().toString();
        EventEnvelope sent = InSession.await(() -> Panache.withTransaction(() -> outbox.startSaga(orderId,
                ContractEvents.orderConfirmed(orderId))));
        EventEnvelope fromV1 = EventEnvelope.readFrom(awaitOne(Topics.ORDER_CONFIRMED_V1, orderId).headers());
        assertThat(InSession.await(() -> Panache.withTransaction(() -> appliedEvents.markApplied(List.of(fromV1)))))
                .containsExactly(sent.id());

        String fromV2 = header(awaitOne(OrderConfirmedV2Beside.TOPIC, orderId), CloudEventHeaders.ID);

        assertThat(InSession.await(() -> appliedEvents.appliedAmong(List.of(fromV2))))
                .as("so it skips them when it starts v2 from earliest").containsExactly(fromV2);
    }

    private static ConsumerRecord<String, byte[]> awaitOne(String topic, String orderId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !TopicRecords.withKey(kafka(), topic, orderId).isEmpty());
        return TopicRecords.withKey(kafka(), topic, orderId).get(0);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String kafka() {
        return TestInfrastructure.kafka().bootstrapServers();
    }

    private static long pendingRows() {
        return InSession.await(() -> Panache.getSession()
                .flatMap(s -> s.createNativeQuery("select count(*) from outbox_event", Long.class).getSingleResult()));
    }
}

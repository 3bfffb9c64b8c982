package com.example.orders.console.infrastructure.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Flow;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.example.orders.console.application.RecordingEvents;
import com.example.orders.console.domain.Fact;
import com.example.orders.console.domain.JournalEvent;
import com.example.orders.events.EventEnvelope;
import com.example.orders.events.EventSerde;
import com.example.orders.events.EventType;
import com.example.orders.events.Topics;
import com.example.orders.events.v1.OrderCancelRequestedV1;
import com.example.orders.events.v1.OrderCancelledV1;
import com.example.orders.events.v1.OrderConfirmedV1;
import com.example.orders.events.v1.OrderCreatedV1;
import com.example.orders.events.v1.PaymentCapturedV1;
import com.example.orders.events.v1.PaymentFailedV1;
import com.example.orders.events.v1.PaymentRefundedV1;
import com.example.orders.events.v1.StockRejectedV1;
import com.example.orders.events.v1.StockReleasedV1;
import com.example.orders.events.v1.StockReservedV1;
import com.example.orders.platform.messaging.Consumption;
import com.example.orders.platform.messaging.Delivery;
import com.example.orders.platform.messaging.EventConsumer;

/**
 * Everything console-service consumes, in consumer group console-service: every topic of the contract, each event
 * written to the journal as it travelled (shared-events' consumers.yaml lists the topics, and the few payload fields
 * read here to know whose order it is and why it was cancelled). {@link Consumption} applies them in batches, each
 * event once, like every other consumer.
 */
@ApplicationScoped
public class ConsumedEvents implements EventConsumer {

    private final Consumption consumption;
    private final RecordingEvents recording;

    ConsumedEvents(Consumption consumption, RecordingEvents recording) {
        this.consumption = consumption;
        this.recording = recording;
    }

    @Incoming(Topics.ORDER_CREATED_V1)
    public Flow.Subscriber<Message<byte[]>> onOrderCreated() {
        return journal(OrderCreatedV1.class, created -> Optional.of(created.customerId()), created -> null);
    }

    @Incoming(Topics.ORDER_CANCEL_REQUESTED_V1)
    public Flow.Subscriber<Message<byte[]>> onOrderCancelRequested() {
        return journal(OrderCancelRequestedV1.class, requested -> Optional.of(requested.customerId()),
                requested -> null);
    }

    @Incoming(Topics.ORDER_CONFIRMED_V1)
    public Flow.Subscriber<Message<byte[]>> onOrderConfirmed() {
        return journal(OrderConfirmedV1.class, confirmed -> Optional.of(confirmed.customerId()), confirmed -> null);
    }

    @Incoming(Topics.ORDER_CANCELLED_V1)
    public Flow.Subscriber<Message<byte[]>> onOrderCancelled() {
        return journal(OrderCancelledV1.class, cancelled -> Optional.of(cancelled.customerId()),
                cancelled -> cancelled.reason().name());
    }

    @Incoming(Topics.STOCK_RESERVED_V1)
    public Flow.Subscriber<Message<byte[]>> onStockReserved() {
        return journal(StockReservedV1.class, reserved -> Optional.empty(), reserved -> null);
    }

    @Incoming(Topics.STOCK_REJECTED_V1)
    public Flow.Subscriber<Message<byte[]>> onStockRejected() {
        return journal(StockRejectedV1.class, rejected -> Optional.empty(), rejected -> null);
    }

    @Incoming(Topics.STOCK_RELEASED_V1)
    public Flow.Subscriber<Message<byte[]>> onStockReleased() {
        return journal(StockReleasedV1.class, released -> Optional.empty(), released -> null);
    }

    @Incoming(Topics.PAYMENT_CAPTURED_V1)
    public Flow.Subscriber<Message<byte[]>> onPaymentCaptured() {
        return journal(PaymentCapturedV1.class, captured -> Optional.empty(), captured -> null);
    }

    @Incoming(Topics.PAYMENT_FAILED_V1)
    public Flow.Subscriber<Message<byte[]>> onPaymentFailed() {
        return journal(PaymentFailedV1.class, failed -> Optional.empty(), failed -> null);
    }

    @Incoming(Topics.PAYMENT_REFUNDED_V1)
    public Flow.Subscriber<Message<byte[]>> onPaymentRefunded() {
        return journal(PaymentRefundedV1.class, refunded -> Optional.empty(), refunded -> null);
    }

    /**
     * The channel that writes each event of the topic to the journal.
     *
     * @param customerOf
     *            whose order it is, when the event says
     * @param cancelReasonOf
     *            why the order was cancelled, when the event says (else null)
     */
    private <T extends Record> Flow.Subscriber<Message<byte[]>> journal(Class<T> payloadType,
            Function<T, Optional<String>> customerOf, Function<T, String> cancelReasonOf) {
        return consumption.deliveryChannel(payloadType, (cause, delivery) -> recording.record(entry(delivery),
                customerOf.apply(delivery.payload()), Optional.ofNullable(cancelReasonOf.apply(delivery.payload()))));
    }

    private static JournalEvent entry(Delivery<? extends Record> delivery) {
        EventEnvelope envelope = delivery.envelope();
        return new JournalEvent(envelope.id(), envelope.subject(), factOf(envelope.type()), envelope.type().ceType(),
                producerOf(envelope.source()), envelope.time(), envelope.correlationId(), envelope.causationId(),
                traceIdOf(envelope.traceparent()), delivery.topic(), delivery.partition(), delivery.offset(),
                new String(EventSerde.serialize(delivery.payload()), StandardCharsets.UTF_8));
    }

    static Fact factOf(EventType type) {
        return switch (type) {
            case ORDER_CREATED -> Fact.ORDER_CREATED;
            case ORDER_CANCEL_REQUESTED -> Fact.ORDER_CANCEL_REQUESTED;
            case ORDER_CONFIRMED -> Fact.ORDER_CONFIRMED;
            case ORDER_CANCELLED -> Fact.ORDER_CANCELLED;
            case STOCK_RESERVED -> Fact.STOCK_RESERVED;
            case STOCK_REJECTED -> Fact.STOCK_REJECTED;
            case STOCK_RELEASED -> Fact.STOCK_RELEASED;
            case PAYMENT_CAPTURED -> Fact.PAYMENT_CAPTURED;
            case PAYMENT_FAILED -> Fact.PAYMENT_FAILED;
            case PAYMENT_REFUNDED -> Fact.PAYMENT_REFUNDED;
        };
    }

    /** {@code order-service} of the ce_source {@code /order-service}. */
    static String producerOf(String source) {
        return source.startsWith("/") ? source.substring(1) : source;
    }

    /** The trace id of a W3C traceparent ({@code 00-<trace id>-<span id>-<flags>}), or null. */
    static String traceIdOf(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.split("-");
        return parts.length == 4 && parts[1].length() == 32 ? parts[1] : null;
    }
}

package com.example.orders.order.infrastructure.messaging;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.example.orders.events.Topics;
import com.example.orders.events.v1.PaymentCapturedV1;
import com.example.orders.events.v1.PaymentFailedV1;
import com.example.orders.events.v1.PaymentRefundedV1;
import com.example.orders.events.v1.StockRejectedV1;
import com.example.orders.events.v1.StockReleasedV1;
import com.example.orders.events.v1.StockReservedV1;
import com.example.orders.platform.inbox.AppliedEvents;
import com.example.orders.platform.messaging.InboundEvent;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Everything order-service consumes: the replies of inventory and payment that move an order's saga on. Each channel is
 * named after its topic; the consumer group is order-service.
 */
@ApplicationScoped
public class ConsumedEvents {

    /** The saga's effects arrive with the use cases; until then an event is only recorded as applied. */
    private static final Function<Record, Uni<Void>> NOT_YET_HANDLED = payload -> Uni.createFrom().voidItem();

    private final AppliedEvents appliedEvents;

    ConsumedEvents(AppliedEvents appliedEvents) {
        this.appliedEvents = appliedEvents;
    }

    @Incoming(Topics.STOCK_RESERVED_V1)
    @WithTransaction
    public Uni<Void> onStockReserved(ConsumerRecord<String, byte[]> record) {
        return appliedEvents.applyOnce(InboundEvent.read(record, StockReservedV1.class), NOT_YET_HANDLED);
    }

    @Incoming(Topics.STOCK_REJECTED_V1)
    @WithTransaction
    public Uni<Void> onStockRejected(ConsumerRecord<String, byte[]> record) {
        return appliedEvents.applyOnce(InboundEvent.read(record, StockRejectedV1.class), NOT_YET_HANDLED);
    }

    @Incoming(Topics.STOCK_RELEASED_V1)
    @WithTransaction
    public Uni<Void> onStockReleased(ConsumerRecord<String, byte[]> record) {
        return appliedEvents.applyOnce(InboundEvent.read(record, StockReleasedV1.class), NOT_YET_HANDLED);
    }

    @Incoming(Topics.PAYMENT_CAPTURED_V1)
    @WithTransaction
    public Uni<Void> onPaymentCaptured(ConsumerRecord<String, byte[]> record) {
        return appliedEvents.applyOnce(InboundEvent.read(record, PaymentCapturedV1.class), NOT_YET_HANDLED);
    }

    @Incoming(Topics.PAYMENT_FAILED_V1)
    @WithTransaction
    public Uni<Void> onPaymentFailed(ConsumerRecord<String, byte[]> record) {
        return appliedEvents.applyOnce(InboundEvent.read(record, PaymentFailedV1.class), NOT_YET_HANDLED);
    }

    @Incoming(Topics.PAYMENT_REFUNDED_V1)
    @WithTransaction
    public Uni<Void> onPaymentRefunded(ConsumerRecord<String, byte[]> record) {
        return appliedEvents.applyOnce(InboundEvent.read(record, PaymentRefundedV1.class), NOT_YET_HANDLED);
    }
}

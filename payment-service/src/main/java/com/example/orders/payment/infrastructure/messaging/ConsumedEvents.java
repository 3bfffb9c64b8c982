package com.example.orders.payment.infrastructure.messaging;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.example.orders.events.Topics;
import com.example.orders.events.v1.OrderCancelRequestedV1;
import com.example.orders.events.v1.OrderCancelledV1;
import com.example.orders.events.v1.OrderCreatedV1;
import com.example.orders.events.v1.StockReservedV1;
import com.example.orders.platform.inbox.AppliedEvents;
import com.example.orders.platform.messaging.InboundEvent;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Everything payment-service consumes: the order and stock facts that lead to a capture or a refund. Each channel is
 * named after its topic; the consumer group is payment-service.
 */
@ApplicationScoped
public class ConsumedEvents {

    /** The saga's effects arrive with the use cases; until then an event is only recorded as applied. */
    private static final Function<Record, Uni<Void>> NOT_YET_HANDLED = payload -> Uni.createFrom().voidItem();

    private final AppliedEvents appliedEvents;

    ConsumedEvents(AppliedEvents appliedEvents) {
        this.appliedEvents = appliedEvents;
    }

    @Incoming(Topics.ORDER_CREATED_V1)
    @WithTransaction
    public Uni<Void> onOrderCreated(ConsumerRecord<String, byte[]> record) {
        return appliedEvents.applyOnce(InboundEvent.read(record, OrderCreatedV1.class), NOT_YET_HANDLED);
    }

    @Incoming(Topics.STOCK_RESERVED_V1)
    @WithTransaction
    public Uni<Void> onStockReserved(ConsumerRecord<String, byte[]> record) {
        return appliedEvents.applyOnce(InboundEvent.read(record, StockReservedV1.class), NOT_YET_HANDLED);
    }

    @Incoming(Topics.ORDER_CANCEL_REQUESTED_V1)
    @WithTransaction
    public Uni<Void> onOrderCancelRequested(ConsumerRecord<String, byte[]> record) {
        return appliedEvents.applyOnce(InboundEvent.read(record, OrderCancelRequestedV1.class), NOT_YET_HANDLED);
    }

    @Incoming(Topics.ORDER_CANCELLED_V1)
    @WithTransaction
    public Uni<Void> onOrderCancelled(ConsumerRecord<String, byte[]> record) {
        return appliedEvents.applyOnce(InboundEvent.read(record, OrderCancelledV1.class), NOT_YET_HANDLED);
    }
}

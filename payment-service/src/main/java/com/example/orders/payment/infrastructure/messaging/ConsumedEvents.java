package com.example.orders.payment.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.example.orders.events.Topics;
import com.example.orders.events.v1.OrderCancelledV1;
import com.example.orders.events.v1.OrderCreatedV1;
import com.example.orders.events.v1.StockReservedV1;
import com.example.orders.payment.application.TakingPayments;
import com.example.orders.payment.domain.Money;
import com.example.orders.platform.inbox.AppliedEvents;
import com.example.orders.platform.messaging.InboundEvent;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Everything payment-service consumes: the facts that make a capture due (the order's token from OrderCreated, its
 * total from StockReserved) or a refund (OrderCancelled). Each channel is named after its topic; the consumer group is
 * payment-service. OrderCancelRequested needs nothing from payment: OrderCancelled follows it in the same transaction.
 */
@ApplicationScoped
public class ConsumedEvents {

    private final AppliedEvents appliedEvents;
    private final TakingPayments taking;

    ConsumedEvents(AppliedEvents appliedEvents, TakingPayments taking) {
        this.appliedEvents = appliedEvents;
        this.taking = taking;
    }

    @Incoming(Topics.ORDER_CREATED_V1)
    @WithTransaction
    public Uni<Void> onOrderCreated(ConsumerRecord<String, byte[]> record) {
        InboundEvent<OrderCreatedV1> event = InboundEvent.read(record, OrderCreatedV1.class);
        return appliedEvents.applyOnce(event, created -> taking.orderPlaced(event.envelope(), created.orderId(),
                created.paymentToken()));
    }

    @Incoming(Topics.STOCK_RESERVED_V1)
    @WithTransaction
    public Uni<Void> onStockReserved(ConsumerRecord<String, byte[]> record) {
        InboundEvent<StockReservedV1> event = InboundEvent.read(record, StockReservedV1.class);
        return appliedEvents.applyOnce(event, reserved -> taking.stockReserved(event.envelope(), reserved.orderId(),
                new Money(reserved.total().amount(), reserved.total().currency())));
    }

    @Incoming(Topics.ORDER_CANCELLED_V1)
    @WithTransaction
    public Uni<Void> onOrderCancelled(ConsumerRecord<String, byte[]> record) {
        InboundEvent<OrderCancelledV1> event = InboundEvent.read(record, OrderCancelledV1.class);
        return appliedEvents.applyOnce(event, cancelled -> taking.orderCancelled(event.envelope(),
                cancelled.orderId()));
    }
}

package com.example.orders.inventory.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.example.orders.events.Topics;
import com.example.orders.events.v1.OrderCancelledV1;
import com.example.orders.events.v1.OrderConfirmedV1;
import com.example.orders.events.v1.OrderCreatedV1;
import com.example.orders.inventory.application.ReservingStock;
import com.example.orders.inventory.domain.Shelf;
import com.example.orders.platform.inbox.AppliedEvents;
import com.example.orders.platform.messaging.InboundEvent;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Everything inventory-service consumes: the order facts that reserve, sell or release stock. Each channel is named
 * after its topic; the consumer group is inventory-service. A customer's cancel needs nothing from inventory until the
 * order is cancelled (OrderCancelled), so OrderCancelRequested is not consumed.
 */
@ApplicationScoped
public class ConsumedEvents {

    private final AppliedEvents appliedEvents;
    private final ReservingStock reserving;

    ConsumedEvents(AppliedEvents appliedEvents, ReservingStock reserving) {
        this.appliedEvents = appliedEvents;
        this.reserving = reserving;
    }

    @Incoming(Topics.ORDER_CREATED_V1)
    @WithTransaction
    public Uni<Void> onOrderCreated(ConsumerRecord<String, byte[]> record) {
        InboundEvent<OrderCreatedV1> event = InboundEvent.read(record, OrderCreatedV1.class);
        return appliedEvents.applyOnce(event, created -> reserving.orderPlaced(event.envelope(), created.orderId(),
                created.items().stream().map(line -> new Shelf.Wanted(line.sku(), line.quantity())).toList()));
    }

    @Incoming(Topics.ORDER_CONFIRMED_V1)
    @WithTransaction
    public Uni<Void> onOrderConfirmed(ConsumerRecord<String, byte[]> record) {
        InboundEvent<OrderConfirmedV1> event = InboundEvent.read(record, OrderConfirmedV1.class);
        return appliedEvents.applyOnce(event, confirmed -> reserving.orderConfirmed(confirmed.orderId()));
    }

    @Incoming(Topics.ORDER_CANCELLED_V1)
    @WithTransaction
    public Uni<Void> onOrderCancelled(ConsumerRecord<String, byte[]> record) {
        InboundEvent<OrderCancelledV1> event = InboundEvent.read(record, OrderCancelledV1.class);
        return appliedEvents.applyOnce(event, cancelled -> reserving.orderCancelled(event.envelope(),
                cancelled.orderId()));
    }
}

package com.example.orders.notification.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.example.orders.events.Topics;
import com.example.orders.events.v1.OrderCancelledV1;
import com.example.orders.events.v1.OrderConfirmedV1;
import com.example.orders.notification.application.TellingCustomers;
import com.example.orders.platform.inbox.AppliedEvents;
import com.example.orders.platform.messaging.InboundEvent;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Everything notification-service consumes: the outcomes of orders, each worth one email. Each channel is named after
 * its topic; the consumer group is notification-service.
 */
@ApplicationScoped
public class ConsumedEvents {

    private final AppliedEvents appliedEvents;
    private final TellingCustomers telling;

    ConsumedEvents(AppliedEvents appliedEvents, TellingCustomers telling) {
        this.appliedEvents = appliedEvents;
        this.telling = telling;
    }

    @Incoming(Topics.ORDER_CONFIRMED_V1)
    @WithTransaction
    public Uni<Void> onOrderConfirmed(ConsumerRecord<String, byte[]> record) {
        InboundEvent<OrderConfirmedV1> event = InboundEvent.read(record, OrderConfirmedV1.class);
        return appliedEvents.applyOnce(event, confirmed -> telling.orderConfirmed(event.envelope(),
                confirmed.orderId(), confirmed.customerId(), confirmed.customerEmail(), confirmed.total().amount(),
                confirmed.total().currency()));
    }

    @Incoming(Topics.ORDER_CANCELLED_V1)
    @WithTransaction
    public Uni<Void> onOrderCancelled(ConsumerRecord<String, byte[]> record) {
        InboundEvent<OrderCancelledV1> event = InboundEvent.read(record, OrderCancelledV1.class);
        return appliedEvents.applyOnce(event, cancelled -> telling.orderCancelled(event.envelope(),
                cancelled.orderId(), cancelled.customerId(), cancelled.customerEmail(), cancelled.reason().name()));
    }
}

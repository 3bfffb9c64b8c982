package com.example.orders.loyalty.infrastructure.messaging;

import java.util.concurrent.Flow;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.example.orders.events.Topics;
import com.example.orders.events.v1.OrderCancelledV1;
import com.example.orders.events.v1.OrderConfirmedV1;
import com.example.orders.loyalty.application.GrantingPoints;
import com.example.orders.platform.messaging.Consumption;
import com.example.orders.platform.messaging.EventConsumer;

/**
 * Everything loyalty-service consumes, in consumer group loyalty-service (its entry in shared-events' consumers.yaml
 * lists these topics and the fields read here). Each channel is named after its topic; {@link Consumption} applies its
 * records in batches, each fact once, and sends one that can never succeed to loyalty-service.dlq.
 */
@ApplicationScoped
public class ConsumedEvents implements EventConsumer {

    private final Consumption consumption;
    private final GrantingPoints granting;

    ConsumedEvents(Consumption consumption, GrantingPoints granting) {
        this.consumption = consumption;
        this.granting = granting;
    }

    @Incoming(Topics.ORDER_CONFIRMED_V1)
    public Flow.Subscriber<Message<byte[]>> onOrderConfirmed() {
        return consumption.channel(OrderConfirmedV1.class, (cause, confirmed) -> granting.orderConfirmed(cause,
                confirmed.orderId(), confirmed.customerId(), confirmed.total().amount()));
    }

    @Incoming(Topics.ORDER_CANCELLED_V1)
    public Flow.Subscriber<Message<byte[]>> onOrderCancelled() {
        return consumption.channel(OrderCancelledV1.class, (cause, cancelled) -> granting.orderCancelled(cause,
                cancelled.orderId(), cancelled.customerId()));
    }
}

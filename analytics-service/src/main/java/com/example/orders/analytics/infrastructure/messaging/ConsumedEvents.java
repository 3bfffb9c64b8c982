package com.example.orders.analytics.infrastructure.messaging;

import java.util.concurrent.Flow;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.example.orders.analytics.infrastructure.persistence.OrderFacts;
import com.example.orders.events.Topics;
import com.example.orders.events.v1.OrderCancelledV1;
import com.example.orders.events.v1.OrderConfirmedV1;
import com.example.orders.events.v1.OrderCreatedV1;
import com.example.orders.platform.messaging.Consumption;
import com.example.orders.platform.messaging.EventConsumer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Everything analytics-service consumes: the order facts its read model folds. Each channel is named after its topic;
 * the consumer group is analytics-service.
 */
@ApplicationScoped
public class ConsumedEvents implements EventConsumer {

    private final Consumption consumption;
    private final OrderFacts facts;

    ConsumedEvents(Consumption consumption, OrderFacts facts) {
        this.consumption = consumption;
        this.facts = facts;
    }

    @Incoming(Topics.ORDER_CREATED_V1)
    public Flow.Subscriber<Message<byte[]>> onOrderCreated() {
        return consumption.channel(OrderCreatedV1.class, (envelope, created) -> facts.placed(
                created.orderId(), created.createdAt(), linesJson(created)));
    }

    @Incoming(Topics.ORDER_CONFIRMED_V1)
    public Flow.Subscriber<Message<byte[]>> onOrderConfirmed() {
        return consumption.channel(OrderConfirmedV1.class, (envelope, confirmed) -> facts.confirmed(
                confirmed.orderId(), confirmed.total().amount(), confirmed.total().currency()));
    }

    @Incoming(Topics.ORDER_CANCELLED_V1)
    public Flow.Subscriber<Message<byte[]>> onOrderCancelled() {
        return consumption.channel(OrderCancelledV1.class, (envelope, cancelled) -> facts.cancelled(
                cancelled.orderId(), cancelled.reason().name()));
    }

    /** The read model keeps an order's lines as {@code {"lines":[{"sku","quantity"}]}}. */
    private static String linesJson(OrderCreatedV1 created) {
        JsonArray lines = new JsonArray();
        created.items().forEach(line -> lines.add(new JsonObject().put("sku", line.sku())
                .put("quantity", line.quantity())));
        return new JsonObject().put("lines", lines).encode();
    }
}

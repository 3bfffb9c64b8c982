package com.example.orders.inventory.infrastructure.messaging;

import java.util.concurrent.Flow;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.example.orders.events.Topics;
import com.example.orders.events.v1.OrderCancelledV1;
import com.example.orders.events.v1.OrderConfirmedV1;
import com.example.orders.events.v1.OrderCreatedV1;
import com.example.orders.inventory.application.ReservingStock;
import com.example.orders.inventory.domain.Shelf;
import com.example.orders.platform.messaging.Consumption;
import com.example.orders.platform.messaging.EventConsumer;

/**
 * Everything inventory-service consumes: the order facts that reserve, sell or release stock. Each channel is named
 * after its topic; the consumer group is inventory-service. A customer's cancel needs nothing from inventory until the
 * order is cancelled (OrderCancelled), so OrderCancelRequested is not consumed.
 */
@ApplicationScoped
public class ConsumedEvents implements EventConsumer {

    private final Consumption consumption;
    private final ReservingStock reserving;

    ConsumedEvents(Consumption consumption, ReservingStock reserving) {
        this.consumption = consumption;
        this.reserving = reserving;
    }

    @Incoming(Topics.ORDER_CREATED_V1)
    public Flow.Subscriber<Message<byte[]>> onOrderCreated() {
        return consumption.channel(OrderCreatedV1.class, (cause, created) -> reserving.orderPlaced(cause,
                created.orderId(),
                created.items().stream().map(line -> new Shelf.Wanted(line.sku(), line.quantity())).toList()));
    }

    @Incoming(Topics.ORDER_CONFIRMED_V1)
    public Flow.Subscriber<Message<byte[]>> onOrderConfirmed() {
        return consumption.channel(OrderConfirmedV1.class,
                (cause, confirmed) -> reserving.orderConfirmed(confirmed.orderId()));
    }

    @Incoming(Topics.ORDER_CANCELLED_V1)
    public Flow.Subscriber<Message<byte[]>> onOrderCancelled() {
        return consumption.channel(OrderCancelledV1.class,
                (cause, cancelled) -> reserving.orderCancelled(cause,
                        cancelled.orderId()));
    }
}

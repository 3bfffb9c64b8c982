package com.example.orders.payment.infrastructure.messaging;

import java.util.concurrent.Flow;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.example.orders.events.Topics;
import com.example.orders.events.v1.OrderCancelledV1;
import com.example.orders.events.v1.OrderCreatedV1;
import com.example.orders.events.v1.StockReservedV1;
import com.example.orders.payment.application.TakingPayments;
import com.example.orders.payment.domain.Money;
import com.example.orders.platform.messaging.Consumption;
import com.example.orders.platform.messaging.EventConsumer;

/**
 * Everything payment-service consumes: the facts that make a capture due (the order's token from OrderCreated, its
 * total from StockReserved) or a refund (OrderCancelled). Each channel is named after its topic; the consumer group is
 * payment-service. OrderCancelRequested needs nothing from payment: OrderCancelled follows it in the same transaction.
 */
@ApplicationScoped
public class ConsumedEvents implements EventConsumer {

    private final Consumption consumption;
    private final TakingPayments taking;

    ConsumedEvents(Consumption consumption, TakingPayments taking) {
        this.consumption = consumption;
        this.taking = taking;
    }

    @Incoming(Topics.ORDER_CREATED_V1)
    public Flow.Subscriber<Message<byte[]>> onOrderCreated() {
        return consumption.channel(OrderCreatedV1.class,
                (cause, created) -> taking.orderPlaced(cause, created.orderId(),
                        created.paymentToken()));
    }

    @Incoming(Topics.STOCK_RESERVED_V1)
    public Flow.Subscriber<Message<byte[]>> onStockReserved() {
        return consumption.channel(StockReservedV1.class,
                (cause, reserved) -> taking.stockReserved(cause, reserved.orderId(),
                        new Money(reserved.total().amount(), reserved.total().currency())));
    }

    @Incoming(Topics.ORDER_CANCELLED_V1)
    public Flow.Subscriber<Message<byte[]>> onOrderCancelled() {
        return consumption.channel(OrderCancelledV1.class,
                (cause, cancelled) -> taking.orderCancelled(cause,
                        cancelled.orderId()));
    }
}

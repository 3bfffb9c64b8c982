package com.example.orders.notification.infrastructure.messaging;

import java.util.concurrent.Flow;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.example.orders.events.Topics;
import com.example.orders.events.v1.OrderCancelledV1;
import com.example.orders.events.v1.OrderConfirmedV1;
import com.example.orders.notification.application.TellingCustomers;
import com.example.orders.notification.domain.Notification;
import com.example.orders.platform.messaging.Consumption;
import com.example.orders.platform.messaging.EventConsumer;

/**
 * Everything notification-service consumes: the outcomes of orders, each worth one email. Each channel is named after
 * its topic; the consumer group is notification-service.
 */
@ApplicationScoped
public class ConsumedEvents implements EventConsumer {

    private final Consumption consumption;
    private final TellingCustomers telling;

    ConsumedEvents(Consumption consumption, TellingCustomers telling) {
        this.consumption = consumption;
        this.telling = telling;
    }

    @Incoming(Topics.ORDER_CONFIRMED_V1)
    public Flow.Subscriber<Message<byte[]>> onOrderConfirmed() {
        return consumption.channel(OrderConfirmedV1.class,
                (cause, confirmed) -> telling.orderConfirmed(cause,
                        confirmed.orderId(), confirmed.customerId(), confirmed.customerEmail(),
                        confirmed.total().amount(),
                        confirmed.total().currency()));
    }

    @Incoming(Topics.ORDER_CANCELLED_V1)
    public Flow.Subscriber<Message<byte[]>> onOrderCancelled() {
        return consumption.channel(OrderCancelledV1.class,
                (cause, cancelled) -> telling.orderCancelled(cause,
                        cancelled.orderId(), cancelled.customerId(), cancelled.customerEmail(),
                        cancellation(cancelled)));
    }

    /**
     * The contract's reason as notification's own, a give-up told as one: the customer of an order inventory never
     * answered for is not told that items are out of stock. A reason added to the contract fails to compile here.
     */
    private static Notification.Cancellation cancellation(OrderCancelledV1 cancelled) {
        if (cancelled.gaveUpWaitingFor() != null) {
            return switch (cancelled.gaveUpWaitingFor()) {
                case STOCK_DECISION -> Notification.Cancellation.NO_STOCK_DECISION_IN_TIME;
                case PAYMENT_OUTCOME -> Notification.Cancellation.NO_PAYMENT_OUTCOME_IN_TIME;
            };
        }
        return switch (cancelled.reason()) {
            case OUT_OF_STOCK -> Notification.Cancellation.OUT_OF_STOCK;
            case UNKNOWN_SKU -> Notification.Cancellation.UNKNOWN_SKU;
            case PAYMENT_DECLINED -> Notification.Cancellation.PAYMENT_DECLINED;
            case PAYMENT_UNAVAILABLE -> Notification.Cancellation.PAYMENT_UNAVAILABLE;
            case CUSTOMER_CANCELLED -> Notification.Cancellation.CUSTOMER_CANCELLED;
        };
    }
}

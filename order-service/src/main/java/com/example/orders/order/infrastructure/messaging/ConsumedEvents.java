package com.example.orders.order.infrastructure.messaging;

import java.util.concurrent.Flow;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.example.orders.events.Topics;
import com.example.orders.events.v1.PaymentCapturedV1;
import com.example.orders.events.v1.PaymentFailedV1;
import com.example.orders.events.v1.PaymentRefundedV1;
import com.example.orders.events.v1.PricedLine;
import com.example.orders.events.v1.StockRejectedV1;
import com.example.orders.events.v1.StockReleasedV1;
import com.example.orders.events.v1.StockReservedV1;
import com.example.orders.order.application.FollowingTheSaga;
import com.example.orders.order.domain.CancellationReason;
import com.example.orders.order.domain.Money;
import com.example.orders.order.domain.OrderItem;
import com.example.orders.platform.messaging.Consumption;
import com.example.orders.platform.messaging.EventConsumer;

/**
 * Everything order-service consumes: the replies of inventory and payment that move an order's saga on. Each channel is
 * named after its topic; the consumer group is order-service. Contract records become domain values here.
 */
@ApplicationScoped
public class ConsumedEvents implements EventConsumer {

    private final Consumption consumption;
    private final FollowingTheSaga saga;

    ConsumedEvents(Consumption consumption, FollowingTheSaga saga) {
        this.consumption = consumption;
        this.saga = saga;
    }

    @Incoming(Topics.STOCK_RESERVED_V1)
    public Flow.Subscriber<Message<byte[]>> onStockReserved() {
        return consumption.channel(StockReservedV1.class, (cause, reserved) -> saga.stockReserved(cause,
                reserved.lines().stream().map(ConsumedEvents::pricedItem).toList(), money(reserved.total())));
    }

    @Incoming(Topics.STOCK_REJECTED_V1)
    public Flow.Subscriber<Message<byte[]>> onStockRejected() {
        return consumption.channel(StockRejectedV1.class, (cause, rejected) -> saga.stockRejected(cause,
                switch (rejected.reason()) {
                    case OUT_OF_STOCK -> CancellationReason.OUT_OF_STOCK;
                    case UNKNOWN_SKU -> CancellationReason.UNKNOWN_SKU;
                    case ORDER_CANCELLED -> CancellationReason.CUSTOMER_CANCELLED;
                }, rejected.reason() + " " + String.join(", ", rejected.skus())));
    }

    @Incoming(Topics.STOCK_RELEASED_V1)
    public Flow.Subscriber<Message<byte[]>> onStockReleased() {
        return consumption.channel(StockReleasedV1.class,
                (cause, released) -> saga.stockReleased(cause));
    }

    @Incoming(Topics.PAYMENT_CAPTURED_V1)
    public Flow.Subscriber<Message<byte[]>> onPaymentCaptured() {
        return consumption.channel(PaymentCapturedV1.class,
                (cause, captured) -> saga.paymentCaptured(cause,
                        money(captured.amount())));
    }

    @Incoming(Topics.PAYMENT_FAILED_V1)
    public Flow.Subscriber<Message<byte[]>> onPaymentFailed() {
        return consumption.channel(PaymentFailedV1.class, (cause, failed) -> saga.paymentFailed(cause,
                switch (failed.reason()) {
                    case DECLINED -> CancellationReason.PAYMENT_DECLINED;
                    case PROVIDER_UNAVAILABLE -> CancellationReason.PAYMENT_UNAVAILABLE;
                    case ORDER_CANCELLED -> CancellationReason.CUSTOMER_CANCELLED;
                }, failed.detail() == null ? failed.reason().name() : failed.detail()));
    }

    @Incoming(Topics.PAYMENT_REFUNDED_V1)
    public Flow.Subscriber<Message<byte[]>> onPaymentRefunded() {
        return consumption.channel(PaymentRefundedV1.class,
                (cause, refunded) -> saga.paymentRefunded(cause,
                        money(refunded.amount())));
    }

    private static OrderItem pricedItem(PricedLine line) {
        return new OrderItem(line.sku(), line.quantity(), money(line.unitPrice()));
    }

    private static Money money(com.example.orders.events.v1.Money money) {
        return new Money(money.amount(), money.currency());
    }
}

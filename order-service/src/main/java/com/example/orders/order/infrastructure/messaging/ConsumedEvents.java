package com.example.orders.order.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

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
import com.example.orders.platform.inbox.AppliedEvents;
import com.example.orders.platform.messaging.InboundEvent;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Everything order-service consumes: the replies of inventory and payment that move an order's saga on. Each channel is
 * named after its topic; the consumer group is order-service. Contract records become domain values here.
 */
@ApplicationScoped
public class ConsumedEvents {

    private final AppliedEvents appliedEvents;
    private final FollowingTheSaga saga;

    ConsumedEvents(AppliedEvents appliedEvents, FollowingTheSaga saga) {
        this.appliedEvents = appliedEvents;
        this.saga = saga;
    }

    @Incoming(Topics.STOCK_RESERVED_V1)
    @WithTransaction
    public Uni<Void> onStockReserved(ConsumerRecord<String, byte[]> record) {
        InboundEvent<StockReservedV1> event = InboundEvent.read(record, StockReservedV1.class);
        return appliedEvents.applyOnce(event, reserved -> saga.stockReserved(event.envelope(),
                reserved.lines().stream().map(ConsumedEvents::pricedItem).toList(), money(reserved.total())));
    }

    @Incoming(Topics.STOCK_REJECTED_V1)
    @WithTransaction
    public Uni<Void> onStockRejected(ConsumerRecord<String, byte[]> record) {
        InboundEvent<StockRejectedV1> event = InboundEvent.read(record, StockRejectedV1.class);
        return appliedEvents.applyOnce(event, rejected -> saga.stockRejected(event.envelope(),
                switch (rejected.reason()) {
                    case OUT_OF_STOCK -> CancellationReason.OUT_OF_STOCK;
                    case UNKNOWN_SKU -> CancellationReason.UNKNOWN_SKU;
                    case ORDER_CANCELLED -> CancellationReason.CUSTOMER_CANCELLED;
                }, rejected.reason() + " " + String.join(", ", rejected.skus())));
    }

    @Incoming(Topics.STOCK_RELEASED_V1)
    @WithTransaction
    public Uni<Void> onStockReleased(ConsumerRecord<String, byte[]> record) {
        InboundEvent<StockReleasedV1> event = InboundEvent.read(record, StockReleasedV1.class);
        return appliedEvents.applyOnce(event, released -> saga.stockReleased(event.envelope()));
    }

    @Incoming(Topics.PAYMENT_CAPTURED_V1)
    @WithTransaction
    public Uni<Void> onPaymentCaptured(ConsumerRecord<String, byte[]> record) {
        InboundEvent<PaymentCapturedV1> event = InboundEvent.read(record, PaymentCapturedV1.class);
        return appliedEvents.applyOnce(event, captured -> saga.paymentCaptured(event.envelope(),
                money(captured.amount())));
    }

    @Incoming(Topics.PAYMENT_FAILED_V1)
    @WithTransaction
    public Uni<Void> onPaymentFailed(ConsumerRecord<String, byte[]> record) {
        InboundEvent<PaymentFailedV1> event = InboundEvent.read(record, PaymentFailedV1.class);
        return appliedEvents.applyOnce(event, failed -> saga.paymentFailed(event.envelope(),
                switch (failed.reason()) {
                    case DECLINED -> CancellationReason.PAYMENT_DECLINED;
                    case PROVIDER_UNAVAILABLE -> CancellationReason.PAYMENT_UNAVAILABLE;
                    case ORDER_CANCELLED -> CancellationReason.CUSTOMER_CANCELLED;
                }, failed.detail() == null ? failed.reason().name() : failed.detail()));
    }

    @Incoming(Topics.PAYMENT_REFUNDED_V1)
    @WithTransaction
    public Uni<Void> onPaymentRefunded(ConsumerRecord<String, byte[]> record) {
        InboundEvent<PaymentRefundedV1> event = InboundEvent.read(record, PaymentRefundedV1.class);
        return appliedEvents.applyOnce(event, refunded -> saga.paymentRefunded(event.envelope(),
                money(refunded.amount())));
    }

    private static OrderItem pricedItem(PricedLine line) {
        return new OrderItem(line.sku(), line.quantity(), money(line.unitPrice()));
    }

    private static Money money(com.example.orders.events.v1.Money money) {
        return new Money(money.amount(), money.currency());
    }
}

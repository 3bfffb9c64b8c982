package com.example.orders.order.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.example.orders.events.Topics;
import com.example.orders.events.v1.PaymentCapturedV1;
import com.example.orders.events.v1.PaymentFailedV1;
import com.example.orders.events.v1.StockRejectedV1;
import com.example.orders.events.v1.StockReservedV1;
import com.example.orders.platform.inbox.AppliedEvents;
import com.example.orders.platform.messaging.InboundEvent;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Everything order-service consumes: the replies of inventory and payment that move an order's saga on. */
@ApplicationScoped
public class OrderSagaEvents {

    private static final Logger LOG = Logger.getLogger(OrderSagaEvents.class);

    private final AppliedEvents appliedEvents;

    OrderSagaEvents(AppliedEvents appliedEvents) {
        this.appliedEvents = appliedEvents;
    }

    @Incoming(Topics.STOCK_RESERVED_V1)
    @WithTransaction
    public Uni<Void> onStockReserved(ConsumerRecord<String, byte[]> record) {
        return apply(InboundEvent.read(record, StockReservedV1.class));
    }

    @Incoming(Topics.STOCK_REJECTED_V1)
    @WithTransaction
    public Uni<Void> onStockRejected(ConsumerRecord<String, byte[]> record) {
        return apply(InboundEvent.read(record, StockRejectedV1.class));
    }

    @Incoming(Topics.PAYMENT_CAPTURED_V1)
    @WithTransaction
    public Uni<Void> onPaymentCaptured(ConsumerRecord<String, byte[]> record) {
        return apply(InboundEvent.read(record, PaymentCapturedV1.class));
    }

    @Incoming(Topics.PAYMENT_FAILED_V1)
    @WithTransaction
    public Uni<Void> onPaymentFailed(ConsumerRecord<String, byte[]> record) {
        return apply(InboundEvent.read(record, PaymentFailedV1.class));
    }

    private Uni<Void> apply(InboundEvent<?> event) {
        return appliedEvents.markApplied(event.envelope())
                .invoke(first -> LOG.debugf("%s %s for order %s", first ? "applied" : "skipped duplicate",
                        event.envelope().type().ceType(), event.envelope().subject()))
                .replaceWithVoid();
    }
}

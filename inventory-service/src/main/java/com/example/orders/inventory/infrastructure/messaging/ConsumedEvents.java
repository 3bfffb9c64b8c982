package com.example.orders.inventory.infrastructure.messaging;

import java.util.Optional;
import java.util.concurrent.Flow;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.example.orders.events.Topics;
import com.example.orders.events.v1.OrderCancelledV1;
import com.example.orders.events.v1.OrderConfirmedV1;
import com.example.orders.events.v1.OrderCreatedV1;
import com.example.orders.inventory.application.ReservingStock;
import com.example.orders.inventory.domain.Shelf;
import com.example.orders.inventory.infrastructure.config.InventoryServiceConfig;
import com.example.orders.platform.messaging.Consumption;
import com.example.orders.platform.messaging.EventConsumer;

import io.smallrye.mutiny.Uni;

/**
 * Everything inventory-service consumes: the order facts that reserve, sell or release stock. Each channel is named
 * after its topic; the consumer group is inventory-service. A customer's cancel needs nothing from inventory until the
 * order is cancelled (OrderCancelled), so OrderCancelRequested is not consumed.
 */
@ApplicationScoped
public class ConsumedEvents implements EventConsumer {

    private static final Logger LOG = Logger.getLogger(ConsumedEvents.class);

    private final Consumption consumption;
    private final ReservingStock reserving;

    private final Optional<String> faultySku;

    ConsumedEvents(Consumption consumption, ReservingStock reserving, InventoryServiceConfig config) {
        this.consumption = consumption;
        this.reserving = reserving;
        this.faultySku = config.faultFailOnSku();
        faultySku.ifPresent(sku -> LOG.warnf("DRILL: every OrderCreated with %s fails (inventory.fault-fail-on-sku); "
                + "unset INVENTORY_FAULT_FAIL_ON_SKU to end the drill", sku));
    }

    @Incoming(Topics.ORDER_CREATED_V1)
    public Flow.Subscriber<Message<byte[]>> onOrderCreated() {
        return consumption.channel(OrderCreatedV1.class, (envelope, created) -> {
            if (faultySku.isPresent() && created.items().stream().anyMatch(line -> line.sku().equals(faultySku
                    .get()))) {
                return Uni.createFrom().failure(new IllegalStateException("drill fault: inventory-service fails "
                        + "every order of " + faultySku.get() + " (INVENTORY_FAULT_FAIL_ON_SKU)"));
            }
            return reserving.orderPlaced(envelope, created.orderId(),
                    created.items().stream().map(line -> new Shelf.Wanted(line.sku(), line.quantity())).toList());
        });
    }

    @Incoming(Topics.ORDER_CONFIRMED_V1)
    public Flow.Subscriber<Message<byte[]>> onOrderConfirmed() {
        return consumption.channel(OrderConfirmedV1.class,
                (envelope, confirmed) -> reserving.orderConfirmed(confirmed.orderId()));
    }

    @Incoming(Topics.ORDER_CANCELLED_V1)
    public Flow.Subscriber<Message<byte[]>> onOrderCancelled() {
        return consumption.channel(OrderCancelledV1.class,
                (envelope, cancelled) -> reserving.orderCancelled(envelope,
                        cancelled.orderId()));
    }
}

package com.example.orders.order.application;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.orders.order.domain.Order;
import com.example.orders.order.domain.OrderAlreadyFinal;
import com.example.orders.order.domain.OrderEvent;

import io.smallrye.mutiny.Uni;

/**
 * A customer cancels an order that is not final yet. The order is cancelled at once; stock and money are given back by
 * inventory and payment when they see OrderCancelled, whatever step they had reached.
 */
@ApplicationScoped
public class CancellingOrders {

    private final OrderStore orders;
    private final OrderOutbox emitted;

    CancellingOrders(OrderStore orders, OrderOutbox emitted) {
        this.orders = orders;
        this.emitted = emitted;
    }

    /**
     * @throws UnknownOrder
     *             when no such order exists
     * @throws OrderAlreadyFinal
     *             when it is CONFIRMED or CANCELLED already
     */
    public Uni<Order> cancel(String orderId, String customerId, String requestId) {
        return orders.change(orderId, stored -> {
            if (!stored.order().customerId().equals(customerId)) {
                // someone else's order is none of this customer's business, not even its existence
                throw new UnknownOrder(orderId);
            }
            return new Cancelled(stored, stored.order().cancelByCustomer(Instant.now()));
        })
                .flatMap(outcome -> {
                    Cancelled cancelled = outcome.orElseThrow(() -> new UnknownOrder(orderId));
                    return emitted.inSaga(orderId, cancelled.stored().correlationId(), requestId,
                            cancelled.events())
                            .replaceWith(cancelled.stored().order());
                });
    }

    private record Cancelled(OrderStore.Stored stored, List<OrderEvent> events) {
    }
}

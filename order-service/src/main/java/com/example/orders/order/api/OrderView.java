package com.example.orders.order.api;

import java.time.Instant;
import java.util.List;

import com.example.orders.order.domain.Money;
import com.example.orders.order.domain.Order;
import com.example.orders.platform.tracing.TraceContexts;

/** An order as its customer sees it, with its saga's timeline. Amounts are decimal strings. */
public record OrderView(String orderId, String customerId, String status, String reason, List<Item> items,
        Total total, List<Step> timeline) {

    public record Item(String sku, int quantity, String unitPrice) {
    }

    public record Total(String amount, String currency) {
    }

    /**
     * @param traceId
     *            the trace of the work that recorded the step, or null when it was not traced
     */
    public record Step(Instant at, String step, String detail, String traceId) {
    }

    static OrderView of(Order order) {
        return new OrderView(order.id(), order.customerId(), order.status().name(),
                order.reason().map(Enum::name).orElse(null),
                order.items().stream()
                        .map(item -> new Item(item.sku(), item.quantity(),
                                item.price().map(price -> price.amount().toPlainString()).orElse(null)))
                        .toList(),
                order.total().map(OrderView::total).orElse(null),
                order.timeline().stream()
                        .map(entry -> new Step(entry.at(), entry.step().name(), entry.detail(),
                                entry.trace().flatMap(TraceContexts::traceIdOf).orElse(null)))
                        .toList());
    }

    private static Total total(Money money) {
        return new Total(money.amount().toPlainString(), money.currency());
    }
}

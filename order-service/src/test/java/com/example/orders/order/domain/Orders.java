package com.example.orders.order.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Test data: {@code Orders.anOrder().withItem("SKU-1", 2).placed()}. */
final class Orders {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private final List<OrderItem> items = new ArrayList<>();
    private String customerId = "customer-1";

    static Orders anOrder() {
        return new Orders();
    }

    Orders withItem(String sku, int quantity) {
        items.add(OrderItem.unpriced(sku, quantity));
        return this;
    }

    Orders by(String customer) {
        this.customerId = customer;
        return this;
    }

    Order placed() {
        List<OrderItem> lines = items.isEmpty() ? List.of(OrderItem.unpriced("SKU-1", 2)) : items;
        return Order.place(UUID.randomUUID().toString(), customerId, customerId + "@example.com", lines, "tok_ok", T0)
                .order();
    }

    Order reserved() {
        Order order = placed();
        order.stockReserved(priced(order), Money.of("19.98", "EUR"), T0.plusSeconds(1));
        return order;
    }

    static List<OrderItem> priced(Order order) {
        return order.items().stream()
                .map(item -> new OrderItem(item.sku(), item.quantity(), Money.of("9.99", "EUR")))
                .toList();
    }

    private Orders() {
    }
}

package com.example.orders.order.application;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.orders.order.domain.Order;

import io.smallrye.mutiny.Uni;

/** A customer, or an operator, looks an order up. */
@ApplicationScoped
public class ReadingOrders {

    private final OrderStore orders;

    ReadingOrders(OrderStore orders) {
        this.orders = orders;
    }

    public Uni<Optional<Order>> find(String orderId) {
        return orders.find(orderId).map(stored -> stored.map(OrderStore.Stored::order));
    }
}

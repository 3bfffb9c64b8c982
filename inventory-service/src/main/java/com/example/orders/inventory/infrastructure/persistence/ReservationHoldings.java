package com.example.orders.inventory.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.orders.platform.holdings.OrderHoldings;

/**
 * The order's reservation: held, sold or released, and its lines, as operators see it on the console's order page (`GET
 * /ops/orders/{orderId}`).
 */
@ApplicationScoped
class ReservationHoldings implements OrderHoldings {

    @Override
    public String kind() {
        return "reservation";
    }

    @Override
    public String select() {
        return """
                select state, lines, created_at, ended_at from reservation where order_id = $1""";
    }
}

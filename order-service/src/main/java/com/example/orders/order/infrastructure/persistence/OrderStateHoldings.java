package com.example.orders.order.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.orders.platform.holdings.OrderHoldings;

/**
 * The order as order-service holds it: its status, reason, total, customer and when it was placed, as operators see it
 * on the console's order page (`GET /ops/orders/{orderId}`).
 */
@ApplicationScoped
class OrderStateHoldings implements OrderHoldings {

    @Override
    public String kind() {
        return "order";
    }

    @Override
    public String select() {
        return """
                select status, reason, total_amount as total, total_currency as currency, customer_id, placed_at
                from orders where id = $1""";
    }
}

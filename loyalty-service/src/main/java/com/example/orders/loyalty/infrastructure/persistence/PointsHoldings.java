package com.example.orders.loyalty.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.orders.platform.holdings.OrderHoldings;

/**
 * The points the order earned or gave back, as operators see it on the console's order page (`GET
 * /ops/orders/{orderId}`).
 */
@ApplicationScoped
class PointsHoldings implements OrderHoldings {

    @Override
    public String kind() {
        return "points";
    }

    @Override
    public String select() {
        return """
                select kind, points, customer_id, recorded_at from points_entry where order_id = $1 order by id""";
    }
}

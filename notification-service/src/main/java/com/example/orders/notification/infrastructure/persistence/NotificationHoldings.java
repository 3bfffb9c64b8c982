package com.example.orders.notification.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.orders.platform.holdings.OrderHoldings;

/**
 * The order's emails: written, sent, or still being tried, as operators see it on the console's order page (`GET
 * /ops/orders/{orderId}`).
 */
@ApplicationScoped
class NotificationHoldings implements OrderHoldings {

    @Override
    public String kind() {
        return "notification";
    }

    @Override
    public String select() {
        return """
                select kind, recipient, subject, created_at, sent_at, attempts, last_error from notification
                    where order_id = $1 order by created_at""";
    }
}

package com.example.orders.payment.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.orders.platform.holdings.OrderHoldings;

/**
 * The order's payment and what the provider's ledger answered (its capture and refund ids), as operators see it on the
 * console's order page (`GET /ops/orders/{orderId}`).
 */
@ApplicationScoped
class PaymentHoldings implements OrderHoldings {

    @Override
    public String kind() {
        return "payment";
    }

    @Override
    public String select() {
        return """
                select status, amount, currency, capture_id as provider_capture, refund_id as provider_refund, attempts,
                    next_attempt_at, updated_at from payment where order_id = $1""";
    }
}

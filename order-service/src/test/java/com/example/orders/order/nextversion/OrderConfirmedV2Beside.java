package com.example.orders.order.nextversion;

import java.util.Currency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import com.example.orders.events.EventType;
import com.example.orders.events.v1.OrderConfirmedV1;
import com.example.orders.platform.outbox.NextVersion;

/**
 * Publishes {@link OrderConfirmedV2} beside v1, as a producing service does while v1's consumers move. An alternative,
 * so only {@code DualPublishIT}'s profile enables it.
 */
@Alternative
@ApplicationScoped
public class OrderConfirmedV2Beside implements NextVersion<OrderConfirmedV1, OrderConfirmedV2> {

    public static final String TOPIC = "orders.order-confirmed.v2";
    public static final String CE_TYPE = "orders.OrderConfirmed.v2";

    @Override
    public EventType replaces() {
        return EventType.ORDER_CONFIRMED;
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public String ceType() {
        return CE_TYPE;
    }

    @Override
    public OrderConfirmedV2 translate(OrderConfirmedV1 previous) {
        int digits = Currency.getInstance(previous.total().currency()).getDefaultFractionDigits();
        long minorUnits = previous.total().amount().movePointRight(digits).longValueExact();
        return new OrderConfirmedV2(previous.orderId(), previous.customerId(), previous.customerEmail(), minorUnits,
                previous.total().currency(), previous.confirmedAt());
    }
}

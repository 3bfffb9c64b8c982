package com.example.orders.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.example.orders.events.v1.CancellationReason;
import com.example.orders.events.v1.Money;
import com.example.orders.events.v1.OrderCancelRequestedV1;
import com.example.orders.events.v1.OrderCancelledV1;
import com.example.orders.events.v1.OrderConfirmedV1;
import com.example.orders.events.v1.OrderCreatedV1;
import com.example.orders.events.v1.OrderLine;
import com.example.orders.events.v1.PaymentCapturedV1;
import com.example.orders.events.v1.PaymentFailedV1;
import com.example.orders.events.v1.PaymentFailureReason;
import com.example.orders.events.v1.PaymentRefundedV1;
import com.example.orders.events.v1.PricedLine;
import com.example.orders.events.v1.StockRejectedV1;
import com.example.orders.events.v1.StockRejectionReason;
import com.example.orders.events.v1.StockReleasedV1;
import com.example.orders.events.v1.StockReservedV1;

/** One realistic example of every event of the contract, for tests. */
final class Events {

    static final String ORDER_ID = "7d1f0c1e-4a7b-4f3e-9a55-0f6d3c2b1a90";
    static final Instant AT = Instant.parse("2026-11-23T10:15:30.123Z");
    static final Money TOTAL = Money.of("19.98", "EUR");

    static OrderCreatedV1 anOrderCreated() {
        return new OrderCreatedV1(ORDER_ID, "customer-42", "ada@example.com",
                List.of(new OrderLine("SKU-1", 2), new OrderLine("SKU-2", 1)), "tok_ok", AT);
    }

    static Map<EventType, Record> oneOfEach() {
        return Map.of(
                EventType.ORDER_CREATED, anOrderCreated(),
                EventType.ORDER_CANCEL_REQUESTED, new OrderCancelRequestedV1(ORDER_ID, "customer-42", AT),
                EventType.ORDER_CONFIRMED, new OrderConfirmedV1(ORDER_ID, "customer-42", "ada@example.com", TOTAL, AT),
                EventType.ORDER_CANCELLED,
                new OrderCancelledV1(ORDER_ID, "customer-42", null, CancellationReason.OUT_OF_STOCK, AT),
                EventType.STOCK_RESERVED,
                new StockReservedV1(ORDER_ID, List.of(new PricedLine("SKU-1", 2, Money.of("9.99", "EUR"))), TOTAL,
                        AT),
                EventType.STOCK_REJECTED,
                new StockRejectedV1(ORDER_ID, StockRejectionReason.UNKNOWN_SKU, List.of("SKU-404"), AT),
                EventType.STOCK_RELEASED, new StockReleasedV1(ORDER_ID, List.of(new OrderLine("SKU-1", 2)), AT),
                EventType.PAYMENT_CAPTURED, new PaymentCapturedV1(ORDER_ID, "pay_123", TOTAL, AT),
                EventType.PAYMENT_FAILED,
                new PaymentFailedV1(ORDER_ID, PaymentFailureReason.DECLINED, "card declined", AT),
                EventType.PAYMENT_REFUNDED, new PaymentRefundedV1(ORDER_ID, "pay_123", TOTAL, AT));
    }

    private Events() {
    }
}

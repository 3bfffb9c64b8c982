package com.example.orders.events;

import java.util.Arrays;
import java.util.Optional;

import com.example.orders.events.v1.OrderCancelRequestedV1;
import com.example.orders.events.v1.OrderCancelledV1;
import com.example.orders.events.v1.OrderConfirmedV1;
import com.example.orders.events.v1.OrderCreatedV1;
import com.example.orders.events.v1.PaymentCapturedV1;
import com.example.orders.events.v1.PaymentFailedV1;
import com.example.orders.events.v1.PaymentRefundedV1;
import com.example.orders.events.v1.StockRejectedV1;
import com.example.orders.events.v1.StockReleasedV1;
import com.example.orders.events.v1.StockReservedV1;

/**
 * Every event of the contract: its CloudEvents {@code ce_type}, the one topic it travels on, and its payload record.
 * One topic carries exactly one event type, so a consumer knows the payload from the topic alone and a new team can
 * subscribe to a single fact.
 */
public enum EventType {

    ORDER_CREATED("orders.OrderCreated.v1", Topics.ORDER_CREATED_V1, OrderCreatedV1.class), ORDER_CANCEL_REQUESTED(
            "orders.OrderCancelRequested.v1", Topics.ORDER_CANCEL_REQUESTED_V1,
            OrderCancelRequestedV1.class), ORDER_CONFIRMED("orders.OrderConfirmed.v1", Topics.ORDER_CONFIRMED_V1,
                    OrderConfirmedV1.class), ORDER_CANCELLED("orders.OrderCancelled.v1", Topics.ORDER_CANCELLED_V1,
                            OrderCancelledV1.class), STOCK_RESERVED("inventory.StockReserved.v1",
                                    Topics.STOCK_RESERVED_V1, StockReservedV1.class), STOCK_REJECTED(
                                            "inventory.StockRejected.v1", Topics.STOCK_REJECTED_V1,
                                            StockRejectedV1.class), STOCK_RELEASED("inventory.StockReleased.v1",
                                                    Topics.STOCK_RELEASED_V1, StockReleasedV1.class), PAYMENT_CAPTURED(
                                                            "payments.PaymentCaptured.v1", Topics.PAYMENT_CAPTURED_V1,
                                                            PaymentCapturedV1.class), PAYMENT_FAILED(
                                                                    "payments.PaymentFailed.v1",
                                                                    Topics.PAYMENT_FAILED_V1,
                                                                    PaymentFailedV1.class), PAYMENT_REFUNDED(
                                                                            "payments.PaymentRefunded.v1",
                                                                            Topics.PAYMENT_REFUNDED_V1,
                                                                            PaymentRefundedV1.class);

    private final String ceType;
    private final String topic;
    private final Class<? extends Record> payloadType;

    EventType(String ceType, String topic, Class<? extends Record> payloadType) {
        this.ceType = ceType;
        this.topic = topic;
        this.payloadType = payloadType;
    }

    public String ceType() {
        return ceType;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends Record> payloadType() {
        return payloadType;
    }

    /** Classpath location of the JSON Schema (draft 2020-12) of this event's payload. */
    public String schemaResource() {
        return "/schemas/" + topic + ".json";
    }

    public static Optional<EventType> ofCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }

    public static Optional<EventType> ofTopic(String topic) {
        return Arrays.stream(values()).filter(t -> t.topic.equals(topic)).findFirst();
    }

    public static EventType ofPayload(Record payload) {
        return Arrays.stream(values())
                .filter(t -> t.payloadType.equals(payload.getClass()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        payload.getClass().getName() + " is not an event of the contract"));
    }
}

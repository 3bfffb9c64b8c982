package com.example.orders.events;

/**
 * Topic names of the v1 contract, {@code <context>.<event>.v<major>}. Every topic is keyed by order id. A breaking
 * change gets a new {@code .v2} topic beside the old one; these names never change meaning.
 */
public final class Topics {

    public static final String ORDER_CREATED_V1 = "orders.order-created.v1";
    public static final String ORDER_CANCEL_REQUESTED_V1 = "orders.order-cancel-requested.v1";
    public static final String ORDER_CONFIRMED_V1 = "orders.order-confirmed.v1";
    public static final String ORDER_CANCELLED_V1 = "orders.order-cancelled.v1";
    public static final String STOCK_RESERVED_V1 = "inventory.stock-reserved.v1";
    public static final String STOCK_REJECTED_V1 = "inventory.stock-rejected.v1";
    public static final String STOCK_RELEASED_V1 = "inventory.stock-released.v1";
    public static final String PAYMENT_CAPTURED_V1 = "payments.payment-captured.v1";
    public static final String PAYMENT_FAILED_V1 = "payments.payment-failed.v1";
    public static final String PAYMENT_REFUNDED_V1 = "payments.payment-refunded.v1";

    private static final String DEAD_LETTER_SUFFIX = ".dlq";

    /** A consumer group's dead-letter topic, {@code <group>.dlq}. */
    public static String deadLetterTopicOf(String consumerGroup) {
        return consumerGroup + DEAD_LETTER_SUFFIX;
    }

    /** Whether {@code topic} is some group's dead-letter topic rather than one of the contract's. */
    public static boolean isDeadLetterTopic(String topic) {
        return topic.endsWith(DEAD_LETTER_SUFFIX);
    }

    private Topics() {
    }
}

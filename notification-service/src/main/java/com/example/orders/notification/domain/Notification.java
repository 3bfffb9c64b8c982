package com.example.orders.notification.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * An email telling a customer what happened to their order. There is at most one per order and {@link Kind}: the fact
 * is told once, however often it is heard.
 */
public record Notification(String id, String orderId, Kind kind, String recipient, String subject, String body) {

    public enum Kind {
        ORDER_CONFIRMED, ORDER_CANCELLED
    }

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }

    public static Notification orderConfirmed(String orderId, String recipient, BigDecimal total, String currency) {
        return new Notification(UUID.randomUUID().toString(), orderId, Kind.ORDER_CONFIRMED, recipient,
                "Your order " + orderId + " is confirmed",
                """
                        Thank you for your order.

                        Order %s is confirmed and paid: %s %s.
                        """.formatted(orderId, total.toPlainString(), currency));
    }

    public static Notification orderCancelled(String orderId, String recipient, Cancellation why) {
        return new Notification(UUID.randomUUID().toString(), orderId, Kind.ORDER_CANCELLED, recipient,
                "Your order " + orderId + " was cancelled",
                """
                        Order %s was cancelled: %s.

                        Nothing was charged, or any amount taken has been refunded.
                        """.formatted(orderId, why.toCustomer()));
    }

    /** Where to write: the order's email, else an address made from the customer id. */
    public static String recipientOf(String customerEmail, String customerId, String fallbackDomain) {
        if (customerEmail != null && !customerEmail.isBlank()) {
            return customerEmail;
        }
        return customerId.replaceAll("[^A-Za-z0-9._-]", "_") + "@" + fallbackDomain;
    }

    /** Why an order was cancelled, as the customer is told it. */
    public enum Cancellation {

        OUT_OF_STOCK, UNKNOWN_SKU, PAYMENT_DECLINED, PAYMENT_UNAVAILABLE, CUSTOMER_CANCELLED,
        /** the shop gave up waiting for its stock check: nothing is known to be out of stock */
        NO_STOCK_DECISION_IN_TIME,
        /** the shop gave up waiting for the payment's outcome */
        NO_PAYMENT_OUTCOME_IN_TIME;

        String toCustomer() {
            return switch (this) {
                case OUT_OF_STOCK -> "some items are out of stock";
                case UNKNOWN_SKU -> "some items are not in our catalogue";
                case PAYMENT_DECLINED -> "the payment was declined";
                case PAYMENT_UNAVAILABLE -> "we could not reach the payment provider in time";
                case CUSTOMER_CANCELLED -> "you cancelled it";
                case NO_STOCK_DECISION_IN_TIME -> "we could not check our stock in time";
                case NO_PAYMENT_OUTCOME_IN_TIME -> "we could not confirm your payment in time";
            };
        }
    }
}

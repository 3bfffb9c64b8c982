package com.example.orders.order.api;

/** The answer to a placed or cancelled order: the saga goes on asynchronously. */
public record OrderAccepted(String orderId, String status) {
}

package com.example.orders.platform.messaging;

import com.example.orders.events.EventEnvelope;

/**
 * An event as it arrived: its envelope, its payload, and where on the broker it was read. Most consumers need only the
 * payload and the {@link com.example.orders.platform.saga.Cause}; one that records the events themselves (the operator
 * console's journal of every order) needs the rest, through {@link Consumption#deliveryChannel}.
 */
public record Delivery<T extends Record>(EventEnvelope envelope, T payload, String topic, int partition, long offset) {
}

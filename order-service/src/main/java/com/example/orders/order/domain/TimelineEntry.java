package com.example.orders.order.domain;

import java.time.Instant;

/** One step of an order's saga as its customer and on-call engineers see it. */
public record TimelineEntry(Instant at, TimelineStep step, String detail) {
}

package com.example.orders.order.infrastructure.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.example.orders.order.application.OrderStore;
import com.example.orders.order.domain.CancellationReason;
import com.example.orders.order.domain.Money;
import com.example.orders.order.domain.Order;
import com.example.orders.order.domain.OrderItem;
import com.example.orders.order.domain.OrderStatus;
import com.example.orders.order.domain.TimelineEntry;
import com.example.orders.order.domain.TimelineStep;
import com.example.orders.platform.tracing.TraceContexts;

/** How an {@link Order} is stored: one row, items and timeline as jsonb. */
@Entity
@Table(name = "orders")
public class OrderRecord {

    @Id
    String id;
    @Column(name = "customer_id")
    String customerId;
    @Column(name = "customer_email")
    String customerEmail;
    @Column(name = "payment_token")
    String paymentToken;
    @Column(name = "placed_at")
    Instant placedAt;
    @Enumerated(EnumType.STRING)
    OrderStatus status;
    @Enumerated(EnumType.STRING)
    CancellationReason reason;
    @Column(name = "total_amount")
    BigDecimal totalAmount;
    @Column(name = "total_currency")
    String totalCurrency;
    /** The saga's correlation id: the ce_id of the order's OrderCreated. */
    @Column(name = "correlation_id")
    String correlationId;
    /** The ce_id and ce_time of the order's OrderCreated; null for orders placed before they were kept. */
    @Column(name = "created_event_id")
    String createdEventId;
    @Column(name = "created_event_time")
    Instant createdEventTime;
    /** When the order was found overdue (a projection of its timeline, for the deadline queries). */
    @Column(name = "overdue_at")
    Instant overdueAt;
    // wrapped in objects: Hibernate Reactive reads a jsonb column as a JSON object, not an array
    @JdbcTypeCode(SqlTypes.JSON)
    Items items;
    @JdbcTypeCode(SqlTypes.JSON)
    Timeline timeline;
    @Version
    long version;

    public record Item(String sku, int quantity, BigDecimal unitPrice, String currency) {
    }

    /**
     * @param traceparent
     *            the trace context of the work that recorded the step; absent in steps stored before traces were kept
     */
    public record Step(Instant at, String step, String detail, String traceparent) {
    }

    public record Items(List<Item> lines) {
    }

    public record Timeline(List<Step> steps) {
    }

    static OrderRecord of(Order order, OrderStore.SagaStarted saga) {
        OrderRecord record = new OrderRecord();
        record.id = order.id();
        record.customerId = order.customerId();
        record.customerEmail = order.customerEmail().orElse(null);
        record.paymentToken = order.paymentToken();
        record.placedAt = order.placedAt();
        record.correlationId = saga.correlationId();
        record.createdEventId = saga.created().eventId();
        record.createdEventTime = saga.created().time();
        record.update(order);
        return record;
    }

    /** Copies what the order's rules may change. */
    void update(Order order) {
        status = order.status();
        reason = order.reason().orElse(null);
        overdueAt = order.overdueAt().orElse(null);
        totalAmount = order.total().map(Money::amount).orElse(null);
        totalCurrency = order.total().map(Money::currency).orElse(null);
        items = new Items(order.items().stream()
                .map(item -> new Item(item.sku(), item.quantity(), item.price().map(Money::amount).orElse(null),
                        item.price().map(Money::currency).orElse(null)))
                .toList());
        // a step recorded now is in the trace of the work being done now (a request, an event's handling)
        Optional<String> now = TraceContexts.current().map(TraceContexts.W3cTrace::traceparent);
        timeline = new Timeline(order.timeline().stream().map(entry -> entry.tracedIn(now))
                .map(entry -> new Step(entry.at(), entry.step().name(), entry.detail(), entry.traceparent()))
                .toList());
    }

    Order toOrder() {
        return Order.restore(id, customerId, customerEmail, paymentToken, placedAt,
                items.lines().stream()
                        .map(item -> new OrderItem(item.sku(), item.quantity(),
                                item.unitPrice() == null ? null : new Money(item.unitPrice(), item.currency())))
                        .toList(),
                status, reason, totalAmount == null ? null : new Money(totalAmount, totalCurrency),
                timeline.steps().stream()
                        .map(step -> new TimelineEntry(step.at(), TimelineStep.valueOf(step.step()), step.detail(),
                                step.traceparent()))
                        .toList());
    }

    OrderStore.Stored toStored() {
        return new OrderStore.Stored(toOrder(), correlationId, created());
    }

    public String correlationId() {
        return correlationId;
    }

    /** The ce_id and ce_time of the order's OrderCreated, when they were kept. */
    Optional<OrderStore.Sent> created() {
        return createdEventId == null
                ? Optional.empty()
                : Optional.of(new OrderStore.Sent(createdEventId, createdEventTime));
    }
}

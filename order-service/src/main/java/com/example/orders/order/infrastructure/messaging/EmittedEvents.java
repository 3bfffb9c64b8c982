package com.example.orders.order.infrastructure.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.orders.events.EventEnvelope;
import com.example.orders.events.EventType;
import com.example.orders.events.v1.AwaitedReply;
import com.example.orders.events.v1.CancellationReason;
import com.example.orders.events.v1.Money;
import com.example.orders.events.v1.OrderCancelRequestedV1;
import com.example.orders.events.v1.OrderCancelledV1;
import com.example.orders.events.v1.OrderConfirmedV1;
import com.example.orders.events.v1.OrderCreatedV1;
import com.example.orders.events.v1.OrderLine;
import com.example.orders.order.application.OrderOutbox;
import com.example.orders.order.application.OrderStore;
import com.example.orders.order.domain.Order;
import com.example.orders.order.domain.OrderEvent;
import com.example.orders.platform.commit.AfterCommit;
import com.example.orders.platform.outbox.Outbox;
import com.example.orders.platform.saga.Cause;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Everything order-service emits, mapped from its domain events to the v1 contract and written to the outbox in the
 * caller's transaction: OrderCreated, OrderCancelRequested, OrderConfirmed, OrderCancelled.
 */
@ApplicationScoped
public class EmittedEvents implements OrderOutbox {

    /** The buckets of {@code saga_duration_seconds}: the saga p99 alert reads them (deploy/observability). */
    private static final Duration[] SAGA_BUCKETS = Stream.of(0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0,
            300.0, 1800.0).map(seconds -> Duration.ofMillis((long) (seconds * 1000))).toArray(Duration[]::new);

    private final Outbox outbox;
    private final MeterRegistry metrics;

    EmittedEvents(Outbox outbox, MeterRegistry metrics) {
        this.outbox = outbox;
        this.metrics = metrics;
    }

    @Override
    public Uni<OrderStore.SagaStarted> placed(OrderEvent.Placed placed, Optional<String> requestId) {
        Order order = placed.order();
        OrderCreatedV1 created = created(order);
        return requestId.map(id -> outbox.startSaga(order.id(), created, id))
                .orElseGet(() -> outbox.startSaga(order.id(), created))
                .map(sent -> new OrderStore.SagaStarted(sent.correlationId(),
                        new OrderStore.Sent(sent.id(), sent.time())));
    }

    @Override
    public Uni<Void> placedAgain(Order order, String correlationId, OrderStore.Sent sent) {
        // as first sent: a saga started by a request has the request as its correlation and OrderCreated's cause; one
        // started without a request correlates with OrderCreated itself and names no cause
        String causationId = correlationId.equals(sent.eventId()) ? null : correlationId;
        return outbox.resend(new EventEnvelope(sent.eventId(), outbox.source(), EventType.ORDER_CREATED, sent.time(),
                order.id(), correlationId, causationId, null), created(order));
    }

    private static OrderCreatedV1 created(Order order) {
        return new OrderCreatedV1(order.id(), order.customerId(), order.customerEmail().orElse(null),
                order.items().stream().map(item -> new OrderLine(item.sku(), item.quantity())).toList(),
                order.paymentToken(), order.placedAt());
    }

    @Override
    public Uni<Void> causedBy(Cause cause, List<OrderEvent> events) {
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(event -> outbox.emitCausedBy(cause, outcome(event)))
                .collect().last()
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> inSaga(String orderId, String correlationId, String causationId, List<OrderEvent> events) {
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(event -> outbox.emitInSaga(orderId, correlationId,
                        causationId, outcome(event)))
                .collect().last()
                .replaceWithVoid();
    }

    /**
     * The event in contract terms, counting a saga's end once its transaction commits ({@link AfterCommit}):
     * {@code saga_outcomes_total{outcome, reason, gave_up_waiting_for}} (the reply a give-up waited for in vain, empty
     * for every other end) and {@code saga_duration_seconds{outcome}}, the time from placing to the decision.
     */
    private Record outcome(OrderEvent event) {
        if (event instanceof OrderEvent.Confirmed confirmed) {
            counted(confirmed.order(), "confirmed", "", "");
        } else if (event instanceof OrderEvent.Cancelled cancelled) {
            counted(cancelled.order(), "cancelled", cancelled.reason().name(),
                    cancelled.gaveUpWaitingFor().map(Enum::name).orElse(""));
        }
        return toContract(event);
    }

    private void counted(Order order, String outcome, String reason, String gaveUpWaitingFor) {
        Duration took = Duration.between(order.placedAt(), lastStepTime(order));
        AfterCommit.run(() -> {
            metrics.counter("saga.outcomes", "outcome", outcome, "reason", reason, "gave_up_waiting_for",
                    gaveUpWaitingFor).increment();
            Timer.builder("saga.duration")
                    .description("From an order's placing to its saga's end (CONFIRMED or CANCELLED)")
                    .tag("outcome", outcome)
                    .serviceLevelObjectives(SAGA_BUCKETS)
                    .register(metrics)
                    .record(took.isNegative() ? Duration.ZERO : took);
        });
    }

    private static Record toContract(OrderEvent event) {
        if (event instanceof OrderEvent.CancelRequested requested) {
            Order order = requested.order();
            return new OrderCancelRequestedV1(order.id(), order.customerId(), lastStepTime(order));
        }
        if (event instanceof OrderEvent.Confirmed confirmed) {
            Order order = confirmed.order();
            return new OrderConfirmedV1(order.id(), order.customerId(), order.customerEmail().orElse(null),
                    order.total().map(t -> new Money(t.amount(), t.currency())).orElseThrow(), lastStepTime(order));
        }
        if (event instanceof OrderEvent.Cancelled cancelled) {
            Order order = cancelled.order();
            return new OrderCancelledV1(order.id(), order.customerId(), order.customerEmail().orElse(null),
                    onTheWire(cancelled.reason()), lastStepTime(order),
                    cancelled.gaveUpWaitingFor().map(EmittedEvents::onTheWire).orElse(null));
        }
        throw new IllegalArgumentException(event + " is not emitted inside a saga: a placement starts one");
    }

    private static Instant lastStepTime(Order order) {
        return order.timeline().get(order.timeline().size() - 1).at();
    }

    private static AwaitedReply onTheWire(com.example.orders.order.domain.AwaitedReply awaited) {
        return switch (awaited) {
            case STOCK_DECISION -> AwaitedReply.STOCK_DECISION;
            case PAYMENT_OUTCOME -> AwaitedReply.PAYMENT_OUTCOME;
        };
    }

    /** The order's reason as the contract's: a reason added on either side fails to compile here. */
    private static CancellationReason onTheWire(com.example.orders.order.domain.CancellationReason reason) {
        return switch (reason) {
            case OUT_OF_STOCK -> CancellationReason.OUT_OF_STOCK;
            case UNKNOWN_SKU -> CancellationReason.UNKNOWN_SKU;
            case PAYMENT_DECLINED -> CancellationReason.PAYMENT_DECLINED;
            case PAYMENT_UNAVAILABLE -> CancellationReason.PAYMENT_UNAVAILABLE;
            case CUSTOMER_CANCELLED -> CancellationReason.CUSTOMER_CANCELLED;
        };
    }
}

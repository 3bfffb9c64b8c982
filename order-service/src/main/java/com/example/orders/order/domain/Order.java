package com.example.orders.order.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An order and its saga: the state machine of the order platform. It reacts to the facts other services report (stock
 * reserved or rejected, payment captured or failed) and to its customer, and says which facts of its own follow
 * ({@link OrderEvent}). Facts may arrive in any order, because they travel on different topics: a capture may overtake
 * the reservation it depended on, and anything may arrive after a cancel.
 * <p>
 * Compensation is left to the services that own what must be undone: a cancelled order tells them so
 * ({@link OrderEvent.Cancelled}), and inventory releases stock while payment refunds a capture.
 */
public final class Order {

    private final String id;
    private final String customerId;
    private final String customerEmail;
    private final String paymentToken;
    private final Instant placedAt;
    private final List<TimelineEntry> timeline;
    private List<OrderItem> items;
    private OrderStatus status;
    private CancellationReason reason;
    private Money total;

    private Order(String id, String customerId, String customerEmail, String paymentToken, Instant placedAt,
            List<OrderItem> items, OrderStatus status, CancellationReason reason, Money total,
            List<TimelineEntry> timeline) {
        this.id = Objects.requireNonNull(id, "id");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.customerEmail = customerEmail;
        this.paymentToken = Objects.requireNonNull(paymentToken, "paymentToken");
        this.placedAt = Objects.requireNonNull(placedAt, "placedAt");
        this.items = List.copyOf(items);
        this.status = Objects.requireNonNull(status, "status");
        this.reason = reason;
        this.total = total;
        this.timeline = new ArrayList<>(timeline);
    }

    /** A customer places an order: it waits for stock. */
    public static Placement place(String id, String customerId, String customerEmail, List<OrderItem> items,
            String paymentToken, Instant at) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one item");
        }
        Order order = new Order(id, customerId, customerEmail, paymentToken, at, items, OrderStatus.PENDING, null,
                null, List.of());
        order.record(at, TimelineStep.PLACED, items.size() + " item(s)");
        return new Placement(order, new OrderEvent.Placed(order));
    }

    /** The order and the event its placement emits. */
    public record Placement(Order order, OrderEvent.Placed placed) {
    }

    /** Rebuilds an order from storage; no rule runs. */
    public static Order restore(String id, String customerId, String customerEmail, String paymentToken,
            Instant placedAt, List<OrderItem> items, OrderStatus status, CancellationReason reason, Money total,
            List<TimelineEntry> timeline) {
        return new Order(id, customerId, customerEmail, paymentToken, placedAt, items, status, reason, total,
                timeline);
    }

    /** Inventory reserved every line at the given prices. The order emits nothing: it waits for the payment. */
    public void stockReserved(List<OrderItem> pricedItems, Money reservedTotal, Instant at) {
        switch (status) {
            case PENDING -> {
                items = List.copyOf(pricedItems);
                total = reservedTotal;
                status = OrderStatus.STOCK_RESERVED;
                record(at, TimelineStep.STOCK_RESERVED, "total " + describe(reservedTotal));
            }
            case CONFIRMED -> {
                items = List.copyOf(pricedItems);
                record(at, TimelineStep.STOCK_RESERVED, "arrived after the payment");
            }
            case CANCELLED ->
                record(at, TimelineStep.STOCK_RESERVED, "arrived after the cancel; inventory releases it");
            case STOCK_RESERVED -> {
                // the same fact again: nothing changes
            }
        }
    }

    /** Inventory reserved nothing. */
    public Optional<OrderEvent> stockRejected(CancellationReason why, String detail, Instant at) {
        if (status.isFinal()) {
            record(at, TimelineStep.STOCK_REJECTED, detail + "; the order was already " + status);
            return Optional.empty();
        }
        record(at, TimelineStep.STOCK_REJECTED, detail);
        return Optional.of(cancel(why, at));
    }

    /** Inventory gave reserved stock back (compensation done). */
    public void stockReleased(Instant at) {
        record(at, TimelineStep.STOCK_RELEASED, "reserved stock is back on the shelf");
    }

    /** The payment provider took the money. */
    public Optional<OrderEvent> paymentCaptured(Money amount, Instant at) {
        switch (status) {
            case PENDING, STOCK_RESERVED -> {
                if (total == null) {
                    total = amount;
                }
                status = OrderStatus.CONFIRMED;
                record(at, TimelineStep.PAYMENT_CAPTURED, describe(amount));
                record(at, TimelineStep.CONFIRMED, "");
                return Optional.of(new OrderEvent.Confirmed(this));
            }
            case CANCELLED -> {
                record(at, TimelineStep.PAYMENT_CAPTURED, describe(amount) + " after the cancel; payment refunds it");
                return Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** No money was taken. */
    public Optional<OrderEvent> paymentFailed(CancellationReason why, String detail, Instant at) {
        if (status.isFinal()) {
            record(at, TimelineStep.PAYMENT_FAILED, detail + "; the order was already " + status);
            return Optional.empty();
        }
        record(at, TimelineStep.PAYMENT_FAILED, detail);
        return Optional.of(cancel(why, at));
    }

    /** Captured money went back to the customer (compensation done). */
    public void paymentRefunded(Money amount, Instant at) {
        record(at, TimelineStep.PAYMENT_REFUNDED, describe(amount));
    }

    /**
     * The saga took longer than it should: a fact was lost, or a consumer is down or dead-lettering. Recorded once; the
     * service then asks again for the missing step.
     *
     * @return false when the order is final, or was found overdue before
     */
    public boolean overdue(Duration waited, Instant at) {
        if (status.isFinal() || overdueAt().isPresent()) {
            return false;
        }
        record(at, TimelineStep.OVERDUE, (status == OrderStatus.PENDING ? "no stock decision" : "no payment outcome")
                + " after " + waited + "; OrderCreated sent again");
        return true;
    }

    /** When the order was found overdue, if it was. */
    public Optional<Instant> overdueAt() {
        return timeline.stream().filter(entry -> entry.step() == TimelineStep.OVERDUE).map(TimelineEntry::at)
                .findFirst();
    }

    /**
     * The saga did not end by the last deadline: the order is cancelled, and stock and money are given back as on every
     * cancel. The cancel says which reply never came ({@link AwaitedReply}), so nobody is told that items are out of
     * stock when inventory was merely silent; its reason is the nearest the v1 contract has (OUT_OF_STOCK without a
     * stock decision, PAYMENT_UNAVAILABLE without a payment outcome), for readers that know no more.
     */
    public Optional<OrderEvent> giveUp(Duration waited, Instant at) {
        if (status.isFinal()) {
            return Optional.empty();
        }
        AwaitedReply awaited = status == OrderStatus.PENDING
                ? AwaitedReply.STOCK_DECISION
                : AwaitedReply.PAYMENT_OUTCOME;
        record(at, TimelineStep.GAVE_UP, switch (awaited) {
            case STOCK_DECISION -> "no stock decision";
            case PAYMENT_OUTCOME -> "no payment outcome";
        } + " within " + waited);
        CancellationReason nearest = switch (awaited) {
            case STOCK_DECISION -> CancellationReason.OUT_OF_STOCK;
            case PAYMENT_OUTCOME -> CancellationReason.PAYMENT_UNAVAILABLE;
        };
        return Optional.of(cancel(nearest, Optional.of(awaited), at));
    }

    /**
     * The customer cancels: accepted until the order is final. Stock and money are given back by the services that hold
     * them, whatever step the saga had reached, including a capture racing this cancel.
     *
     * @throws OrderAlreadyFinal
     *             when the order is CONFIRMED or CANCELLED
     */
    public List<OrderEvent> cancelByCustomer(Instant at) {
        if (status.isFinal()) {
            throw new OrderAlreadyFinal(id, status);
        }
        record(at, TimelineStep.CANCEL_REQUESTED, "by the customer");
        return List.of(new OrderEvent.CancelRequested(this), cancel(CancellationReason.CUSTOMER_CANCELLED, at));
    }

    private OrderEvent cancel(CancellationReason why, Instant at) {
        return cancel(why, Optional.empty(), at);
    }

    private OrderEvent cancel(CancellationReason why, Optional<AwaitedReply> gaveUpWaitingFor, Instant at) {
        status = OrderStatus.CANCELLED;
        reason = why;
        record(at, TimelineStep.CANCELLED, why.name());
        return new OrderEvent.Cancelled(this, why, gaveUpWaitingFor);
    }

    private void record(Instant at, TimelineStep step, String detail) {
        timeline.add(new TimelineEntry(at, step, detail));
    }

    private static String describe(Money money) {
        return money.amount().toPlainString() + " " + money.currency();
    }

    public String id() {
        return id;
    }

    public String customerId() {
        return customerId;
    }

    public Optional<String> customerEmail() {
        return Optional.ofNullable(customerEmail);
    }

    public String paymentToken() {
        return paymentToken;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public List<OrderItem> items() {
        return items;
    }

    public OrderStatus status() {
        return status;
    }

    public Optional<CancellationReason> reason() {
        return Optional.ofNullable(reason);
    }

    public Optional<Money> total() {
        return Optional.ofNullable(total);
    }

    public List<TimelineEntry> timeline() {
        return List.copyOf(timeline);
    }
}

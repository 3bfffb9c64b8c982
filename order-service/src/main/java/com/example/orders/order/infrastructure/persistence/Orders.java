package com.example.orders.order.infrastructure.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;

import com.example.orders.events.EventEnvelope;
import com.example.orders.order.domain.Order;
import com.example.orders.platform.persistence.NativeSql;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The stored orders. Changes run under a row lock, so facts about one order are applied one at a time. */
@ApplicationScoped
public class Orders {

    /** An order as stored, with the saga it belongs to and, when kept, the OrderCreated that started it. */
    public record Stored(Order order, String correlationId, Optional<Sent> created) {
    }

    /** The ce_id and ce_time of an event as it was sent. */
    public record Sent(String eventId, Instant time) {
    }

    /**
     * @param created
     *            the OrderCreated that starts the order's saga
     */
    public Uni<Void> add(Order order, EventEnvelope created) {
        // flushed at once: the request record that follows references the row
        return Panache.getSession()
                .flatMap(session -> session.persist(OrderRecord.of(order, created)).call(session::flush));
    }

    /** Orders not final, placed before {@code placedBefore} and not yet found overdue, oldest first. */
    public Uni<List<String>> notYetOverdue(Instant placedBefore, int limit) {
        return ids("placed_at < $1 and overdue_at is null", placedBefore, limit);
    }

    /** Orders not final that were found overdue before {@code overdueBefore}, oldest first. */
    public Uni<List<String>> overdueSince(Instant overdueBefore, int limit) {
        return ids("overdue_at < $1", overdueBefore, limit);
    }

    private Uni<List<String>> ids(String condition, Instant before, int limit) {
        return Panache.getSession()
                .flatMap(session -> NativeSql.list(session, String.class, "select id from orders where status in "
                        + "('PENDING', 'STOCK_RESERVED') and " + condition + " order by placed_at limit $2", before,
                        limit));
    }

    /** How many orders are not final though placed before {@code placedBefore}. */
    public Uni<Long> countOpenSince(Instant placedBefore) {
        return Panache.getSession()
                .flatMap(session -> NativeSql.single(session, Long.class, """
                        select count(*) from orders
                        where status in ('PENDING', 'STOCK_RESERVED') and placed_at < $1""", placedBefore));
    }

    public Uni<Optional<Stored>> find(String orderId) {
        return Panache.getSession()
                .flatMap(session -> session.find(OrderRecord.class, orderId))
                .map(record -> Optional.ofNullable(record).map(OrderRecord::toStored));
    }

    /**
     * Applies {@code change} to the order under a row lock (SELECT ... FOR UPDATE) and stores what it changed when the
     * transaction commits.
     */
    public <T> Uni<Optional<T>> change(String orderId, Function<Stored, T> change) {
        return Panache.getSession()
                .flatMap(session -> session.find(OrderRecord.class, orderId, LockMode.PESSIMISTIC_WRITE))
                .map(record -> {
                    if (record == null) {
                        return Optional.empty();
                    }
                    Order order = record.toOrder();
                    T outcome = change.apply(new Stored(order, record.correlationId(), record.created()));
                    record.update(order);
                    return Optional.of(outcome);
                });
    }
}

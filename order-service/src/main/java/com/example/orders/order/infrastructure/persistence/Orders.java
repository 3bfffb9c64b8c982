package com.example.orders.order.infrastructure.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;

import com.example.orders.order.application.OrderStore;
import com.example.orders.order.domain.Order;
import com.example.orders.platform.persistence.NativeSql;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The stored orders. Changes run under a row lock, so facts about one order are applied one at a time. */
@ApplicationScoped
public class Orders implements OrderStore {

    @Override
    public Uni<Void> add(Order order, SagaStarted saga) {
        // flushed at once: the request record that follows references the row
        return Panache.getSession()
                .flatMap(session -> session.persist(OrderRecord.of(order, saga)).call(session::flush));
    }

    @Override
    public Uni<List<String>> notYetOverdue(Instant placedBefore, int limit) {
        return ids("placed_at < $1 and overdue_at is null", placedBefore, limit);
    }

    @Override
    public Uni<List<String>> overdueSince(Instant overdueBefore, int limit) {
        return ids("overdue_at < $1", overdueBefore, limit);
    }

    private Uni<List<String>> ids(String condition, Instant before, int limit) {
        return Panache.getSession()
                .flatMap(session -> NativeSql.list(session, String.class, "select id from orders where status in "
                        + "('PENDING', 'STOCK_RESERVED') and " + condition + " order by placed_at limit $2", before,
                        limit));
    }

    @Override
    public Uni<Long> countOpenSince(Instant placedBefore) {
        return Panache.getSession()
                .flatMap(session -> NativeSql.single(session, Long.class, """
                        select count(*) from orders
                        where status in ('PENDING', 'STOCK_RESERVED') and placed_at < $1""", placedBefore));
    }

    @Override
    public Uni<Optional<Stored>> find(String orderId) {
        return Panache.getSession()
                .flatMap(session -> session.find(OrderRecord.class, orderId))
                .map(record -> Optional.ofNullable(record).map(OrderRecord::toStored));
    }

    /** The row lock is SELECT ... FOR UPDATE; the changed entity is flushed when the transaction commits. */
    @Override
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

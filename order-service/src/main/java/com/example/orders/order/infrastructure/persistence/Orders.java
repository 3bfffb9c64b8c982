package com.example.orders.order.infrastructure.persistence;

import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;

import com.example.orders.order.domain.Order;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The stored orders. Changes run under a row lock, so facts about one order are applied one at a time. */
@ApplicationScoped
public class Orders {

    /** An order as stored, with the saga it belongs to. */
    public record Stored(Order order, String correlationId) {
    }

    public Uni<Void> add(Order order, String correlationId) {
        // flushed at once: the request record that follows references the row
        return Panache.getSession()
                .flatMap(session -> session.persist(OrderRecord.of(order, correlationId)).call(session::flush));
    }

    public Uni<Optional<Stored>> find(String orderId) {
        return Panache.getSession()
                .flatMap(session -> session.find(OrderRecord.class, orderId))
                .map(record -> Optional.ofNullable(record).map(r -> new Stored(r.toOrder(), r.correlationId())));
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
                    T outcome = change.apply(new Stored(order, record.correlationId()));
                    record.update(order);
                    return Optional.of(outcome);
                });
    }
}

package com.example.orders.inventory.infrastructure.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;

import com.example.orders.inventory.application.ReservationBook;
import com.example.orders.inventory.domain.Reservation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** What inventory decided for each order, and the cancels that arrived before their order. */
@ApplicationScoped
public class Reservations implements ReservationBook {

    @Override
    public Uni<Boolean> decided(String orderId) {
        return Panache.getSession()
                .flatMap(session -> session.find(ReservationRecord.class, orderId))
                .map(record -> record != null);
    }

    @Override
    public Uni<Void> add(Reservation reservation) {
        return Panache.getSession()
                .flatMap(session -> session.persist(ReservationRecord.of(reservation, Instant.now())));
    }

    @Override
    public Uni<Void> addRejected(String orderId) {
        return Panache.getSession()
                .flatMap(session -> session.persist(ReservationRecord.rejected(orderId, Instant.now())));
    }

    @Override
    public <T> Uni<Optional<T>> change(String orderId, Function<Optional<Reservation>, Uni<T>> change) {
        return Panache.getSession()
                .flatMap(session -> session.find(ReservationRecord.class, orderId, LockMode.PESSIMISTIC_WRITE))
                .flatMap(record -> {
                    if (record == null) {
                        return Uni.createFrom().item(Optional.<T>empty());
                    }
                    Optional<Reservation> reservation = record.isReservation()
                            ? Optional.of(record.toReservation())
                            : Optional.empty();
                    return change.apply(reservation).map(outcome -> {
                        reservation.ifPresent(r -> record.update(r, Instant.now()));
                        return Optional.of(outcome);
                    });
                });
    }

    @Override
    public Uni<Void> rememberEarlyCancel(String orderId, Instant at, Instant forgetBefore) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery("""
                        insert into early_cancel (order_id, cancelled_at) values (?1, ?2)
                        on conflict (order_id) do nothing""")
                        .setParameter(1, orderId)
                        .setParameter(2, at)
                        .executeUpdate()
                        .flatMap(inserted -> session.createNativeQuery(
                                "delete from early_cancel where cancelled_at < ?1")
                                .setParameter(1, forgetBefore)
                                .executeUpdate()))
                .replaceWithVoid();
    }

    @Override
    public Uni<Boolean> takeEarlyCancel(String orderId) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery("delete from early_cancel where order_id = ?1")
                        .setParameter(1, orderId)
                        .executeUpdate())
                .map(deleted -> deleted > 0);
    }
}

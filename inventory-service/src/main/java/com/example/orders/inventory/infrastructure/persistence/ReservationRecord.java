package com.example.orders.inventory.infrastructure.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.example.orders.inventory.domain.Money;
import com.example.orders.inventory.domain.Reservation;

/**
 * What inventory decided for one order: a {@link Reservation} (HELD, COMMITTED, RELEASED) or, with state REJECTED, that
 * nothing was reserved.
 */
@Entity
@Table(name = "reservation")
public class ReservationRecord {

    static final String REJECTED = "REJECTED";

    @Id
    @Column(name = "order_id")
    String orderId;
    String state;
    // wrapped in an object: Hibernate Reactive reads a jsonb column as a JSON object, not an array
    @JdbcTypeCode(SqlTypes.JSON)
    Lines lines;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "ended_at")
    Instant endedAt;
    @Version
    long version;

    public record Line(String sku, int quantity, BigDecimal unitPrice, String currency) {
    }

    public record Lines(List<Line> lines) {
    }

    static ReservationRecord of(Reservation reservation, Instant at) {
        ReservationRecord record = new ReservationRecord();
        record.orderId = reservation.orderId();
        record.createdAt = at;
        record.lines = new Lines(reservation.lines().stream()
                .map(line -> new Line(line.sku(), line.quantity(), line.unitPrice().amount(),
                        line.unitPrice().currency()))
                .toList());
        record.update(reservation, at);
        return record;
    }

    static ReservationRecord rejected(String orderId, Instant at) {
        ReservationRecord record = new ReservationRecord();
        record.orderId = orderId;
        record.state = REJECTED;
        record.lines = new Lines(List.of());
        record.createdAt = at;
        record.endedAt = at;
        return record;
    }

    void update(Reservation reservation, Instant at) {
        String newState = reservation.state().name();
        if (state != null && !state.equals(newState) && reservation.state() != Reservation.State.HELD) {
            endedAt = at;
        }
        state = newState;
    }

    boolean isReservation() {
        return !REJECTED.equals(state);
    }

    Reservation toReservation() {
        return Reservation.restore(orderId,
                lines.lines().stream()
                        .map(line -> new Reservation.Line(line.sku(), line.quantity(),
                                new Money(line.unitPrice(), line.currency())))
                        .toList(),
                Reservation.State.valueOf(state));
    }
}

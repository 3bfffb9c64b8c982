package com.example.orders.loyalty.infrastructure.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.orders.loyalty.application.PointsLedger;
import com.example.orders.loyalty.domain.PointsEntry;
import com.example.orders.platform.persistence.NativeSql;
import com.example.orders.platform.replay.ReadModel;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The ledger in loyalty-service's own database ({@code points_entry}). It is folded from the topics only, so it is also
 * a {@link ReadModel}: {@code ./suite replay --group loyalty-service --from earliest --rebuild} empties it and folds
 * every order outcome again.
 */
@ApplicationScoped
public class PointsEntries implements PointsLedger, ReadModel {

    @Override
    public Uni<List<PointsEntry>> entriesOf(String orderId) {
        return Panache.getSession()
                .flatMap(session -> NativeSql.rows(session, """
                        select order_id, customer_id, kind, points from points_entry where order_id = $1
                        order by id""", orderId))
                .map(rows -> rows.stream().map(PointsEntries::entry).toList());
    }

    @Override
    public Uni<Void> record(PointsEntry entry, String eventId) {
        return Panache.getSession()
                .flatMap(session -> NativeSql.update(session, """
                        insert into points_entry (order_id, customer_id, kind, points, event_id, recorded_at)
                        values ($1, $2, $3, $4, $5, $6)""", entry.orderId(), entry.customerId(),
                        entry.kind().name(), entry.points(), eventId, Instant.now()))
                .replaceWithVoid();
    }

    @Override
    public Uni<List<Recorded>> entriesOfCustomer(String customerId, int limit) {
        return Panache.getSession()
                .flatMap(session -> NativeSql.rows(session, """
                        select order_id, customer_id, kind, points, event_id, recorded_at from points_entry
                        where customer_id = $1 order by id desc limit $2""", customerId, limit))
                .map(rows -> {
                    List<Recorded> newestFirst = new ArrayList<>();
                    rows.forEach(row -> newestFirst.add(new Recorded(entry(row), (String) row[4], instant(row[5]))));
                    Collections.reverse(newestFirst);
                    return newestFirst;
                });
    }

    @Override
    public Uni<Long> balanceOf(String customerId) {
        return Panache.getSession()
                .flatMap(session -> NativeSql.rows(session,
                        "select coalesce(sum(points), 0) from points_entry where customer_id = $1", customerId))
                .map(rows -> ((Number) rows.get(0)[0]).longValue());
    }

    /** Every entry goes, in the replay's transaction that also forgets which facts were applied. */
    @Override
    public Uni<Void> empty() {
        return Panache.getSession().flatMap(session -> NativeSql.update(session, "delete from points_entry"))
                .replaceWithVoid();
    }

    private static PointsEntry entry(Object[] row) {
        return new PointsEntry((String) row[0], (String) row[1], PointsEntry.Kind.valueOf((String) row[2]),
                ((Number) row[3]).longValue());
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : (Instant) value;
    }
}

package com.example.orders.console.infrastructure.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import com.example.orders.console.application.Journal;
import com.example.orders.console.domain.Fact;
import com.example.orders.console.domain.JournalEvent;
import com.example.orders.console.domain.OrderSummary;
import com.example.orders.console.domain.SagaState;
import com.example.orders.platform.persistence.NativeSql;
import com.example.orders.platform.replay.ReadModel;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The journal in console-service's own database ({@code journal_event}, {@code journal_order}). It is folded from the
 * topics only, so it is also a {@link ReadModel}: {@code ./suite replay --group console-service --from earliest
 * --rebuild} empties it and folds every event again.
 */
@ApplicationScoped
public class JournalEntries implements Journal, ReadModel {

    private static final String ORDERS = "select order_id, customer_id, placed_at, state, reason, ended_at from journal_order ";

    @Override
    public Uni<Void> record(JournalEvent event, Optional<String> customerId, Optional<String> reason) {
        SagaState reached = event.fact().after(null);
        Instant placedAt = event.fact() == Fact.ORDER_CREATED ? event.occurredAt() : null;
        Instant endedAt = reached != null && reached.ended() ? event.occurredAt() : null;
        return Panache.getSession()
                .flatMap(session -> NativeSql.update(session, """
                        insert into journal_event (event_id, order_id, fact, ce_type, producer, occurred_at,
                            correlation_id, causation_id, trace_id, topic, kafka_partition, kafka_offset, payload,
                            received_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
                        on conflict (event_id) do nothing""", event.eventId(), event.orderId(), event.fact().name(),
                        event.type(), event.producer(), event.occurredAt(), event.correlationId(),
                        event.causationId(), event.traceId(), event.topic(), event.partition(), event.offset(),
                        event.payload(), Instant.now())
                        // the order's row: created by its first fact read, whichever that is; each fact fills in
                        // what it knows and moves the state on (SagaState: forward only, the first end stays); the
                        // upsert answers the state stored before this fact, so no second read is needed
                        .chain(() -> NativeSql.single(session, String.class, """
                                insert into journal_order (order_id, customer_id, placed_at, state, reason, ended_at,
                                    updated_at)
                                values ($1, $2, $3, $4, $5, $6, $7)
                                on conflict (order_id) do update set
                                    customer_id = coalesce(journal_order.customer_id, excluded.customer_id),
                                    placed_at = coalesce(journal_order.placed_at, excluded.placed_at),
                                    reason = coalesce(journal_order.reason, excluded.reason),
                                    ended_at = coalesce(journal_order.ended_at, excluded.ended_at),
                                    updated_at = excluded.updated_at
                                returning state""", event.orderId(), customerId.orElse(null),
                                placedAt, (reached == null ? SagaState.PENDING : reached).name(),
                                reason.orElse(null), endedAt, Instant.now()))
                        .chain(stored -> advance(session, event.orderId(), SagaState.valueOf(stored), reached)))
                .replaceWithVoid();
    }

    /** Moves the order's state from {@code stored} forward to {@code reached} ({@link SagaState#laterOf}). */
    private static Uni<Void> advance(Mutiny.Session session, String orderId, SagaState stored, SagaState reached) {
        SagaState now = reached == null ? stored : stored.laterOf(reached);
        return now == stored
                ? Uni.createFrom().voidItem()
                : NativeSql.update(session, "update journal_order set state = $2 where order_id = $1", orderId,
                        now.name()).replaceWithVoid();
    }

    @Override
    public Uni<List<JournalEvent>> eventsOf(String orderId) {
        return Panache.getSession()
                .flatMap(session -> NativeSql.rows(session, """
                        select event_id, order_id, fact, ce_type, producer, occurred_at, correlation_id, causation_id,
                            trace_id, topic, kafka_partition, kafka_offset, payload
                        from journal_event where order_id = $1 order by occurred_at, event_id""", orderId))
                .map(rows -> rows.stream().map(JournalEntries::event).toList());
    }

    @Override
    public Uni<Optional<OrderSummary>> order(String orderId) {
        return summaries(ORDERS + "where order_id = $1", orderId)
                .map(found -> found.stream().findFirst());
    }

    @Override
    public Uni<List<OrderSummary>> search(String text, int limit) {
        return summaries(ORDERS + "where customer_id = $1 or order_id like $2 order by placed_at desc nulls last "
                + "limit $3", text, likePrefix(text), limit);
    }

    @Override
    public Uni<List<OrderSummary>> openSince(Instant placedBefore, int limit) {
        return summaries(ORDERS + "where ended_at is null and placed_at < $1 order by placed_at limit $2", placedBefore,
                limit);
    }

    @Override
    public Uni<List<OrderSummary>> endedSince(Instant since) {
        return summaries(ORDERS + "where ended_at >= $1 order by ended_at", since);
    }

    @Override
    public Uni<Long> placedSince(Instant since) {
        return Panache.getSession().flatMap(session -> NativeSql.single(session, Long.class,
                "select count(*) from journal_order where placed_at >= $1", since));
    }

    /** Every event and order goes, in the replay's transaction that also forgets which events were applied. */
    @Override
    public Uni<Void> empty() {
        return Panache.getSession()
                .flatMap(session -> NativeSql.update(session, "delete from journal_event")
                        .chain(() -> NativeSql.update(session, "delete from journal_order")))
                .replaceWithVoid();
    }

    private static Uni<List<OrderSummary>> summaries(String sql, Object... parameters) {
        return Panache.getSession().flatMap(session -> NativeSql.rows(session, sql, parameters))
                .map(rows -> rows.stream().map(JournalEntries::summary).toList());
    }

    /** {@code text%}, its own {@code %} and {@code _} taken literally. */
    private static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static JournalEvent event(Object[] row) {
        return new JournalEvent((String) row[0], (String) row[1], Fact.valueOf((String) row[2]), (String) row[3],
                (String) row[4], instant(row[5]), (String) row[6], (String) row[7], (String) row[8],
                (String) row[9], ((Number) row[10]).intValue(), ((Number) row[11]).longValue(), (String) row[12]);
    }

    private static OrderSummary summary(Object[] row) {
        return new OrderSummary((String) row[0], (String) row[1], instant(row[2]), SagaState.valueOf((String) row[3]),
                (String) row[4], instant(row[5]));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof OffsetDateTime time ? time.toInstant() : (Instant) value;
    }
}

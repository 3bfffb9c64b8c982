package com.example.orders.notification.infrastructure.persistence;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.orders.notification.application.NotificationLog;
import com.example.orders.notification.domain.Notification;
import com.example.orders.platform.persistence.LeasedWork;
import com.example.orders.platform.persistence.NativeSql;
import com.example.orders.platform.tracing.TraceContexts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The notifications to send and the log of those sent; the mail worker leases the unsent ones. */
@ApplicationScoped
public class Notifications implements NotificationLog {

    /** An email not yet accepted by the mail server. */
    private static final LeasedWork UNSENT = new LeasedWork("notification", "id", "sent_at is null",
            "id, order_id, kind, recipient, subject, body, traceparent");

    /** An email to send, with the trace of the handling that asked for it (null when it was not traced). */
    public record Leased(Notification notification, String traceparent) {
    }

    @Override
    public Uni<Boolean> add(Notification notification, String eventId) {
        Instant now = Instant.now();
        return Panache.getSession()
                .flatMap(session -> NativeSql.update(session, """
                        insert into notification (id, order_id, kind, recipient, subject, body, event_id, created_at,
                                                  next_attempt_at, traceparent)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9)
                        on conflict (order_id, kind) do nothing""", notification.id(), notification.orderId(),
                        notification.kind().name(), notification.recipient(), notification.subject(),
                        notification.body(), eventId, now,
                        TraceContexts.current().map(TraceContexts.W3cTrace::traceparent).orElse(null)))
                .map(inserted -> inserted == 1);
    }

    /**
     * Hands out up to {@code limit} unsent notifications that are due, each leased for {@code lease} so no other worker
     * sends it meanwhile.
     */
    public Uni<List<Leased>> leaseUnsent(int limit, Duration lease) {
        return UNSENT.lease(limit, lease)
                .map(rows -> rows.stream()
                        .map(row -> new Leased(new Notification((String) row[0], (String) row[1],
                                Notification.Kind.valueOf((String) row[2]), (String) row[3], (String) row[4],
                                (String) row[5]), (String) row[6]))
                        .toList());
    }

    public Uni<Void> markSent(String id) {
        return Panache.getSession()
                .flatMap(session -> NativeSql.update(session, """
                        update notification set sent_at = $2, leased_until = null, attempts = attempts + 1,
                                                last_error = null
                        where id = $1""", id, Instant.now()))
                .replaceWithVoid();
    }

    public Uni<Void> markFailed(String id, String error, Instant retryAt) {
        return Panache.getSession()
                .flatMap(session -> NativeSql.update(session, """
                        update notification set next_attempt_at = $2, leased_until = null, attempts = attempts + 1,
                                                last_error = $3
                        where id = $1""", id, retryAt, error.length() > 500 ? error.substring(0, 500) : error))
                .replaceWithVoid();
    }

    @Override
    public Uni<List<Logged>> log(String orderId, int limit) {
        return Panache.getSession()
                .flatMap(session -> NativeSql.rows(session, """
                        select order_id, kind, recipient, sent_at from notification
                        where cast($1 as varchar) is null or order_id = cast($1 as varchar)
                        order by created_at desc
                        limit $2""", orderId, limit))
                .map(rows -> rows.stream()
                        .map(row -> new Logged((String) row[0], (String) row[1], (String) row[2], instant(row[3])))
                        .toList());
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return (Instant) value;
    }
}

package com.example.orders.platform.persistence;

import java.lang.reflect.Array;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;

import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.data.Numeric;

/**
 * Plain SQL on the connection of the caller's transaction, past Hibernate's query machinery: for the statements every
 * record, request and publish runs (locks, applied-event marks, the outbox, leased work queues).
 * <p>
 * Through Hibernate (ORM 7.2, Reactive 3.2) every native query is planned again on every execution: its plan is cached
 * under a key holding the result mapping, and that mapping does not equal the next execution's (with a result class or
 * without: ServiceBootContract counted one miss per statement of a consumer transaction, every time), so each lookup
 * misses, adds one more entry under the same hash and walks the entries before it. With the auto-flush that precedes
 * each native query, JFR of the services at 20 orders/s put 13–24 % of their samples in native queries, about half of
 * it in those lookups (bench/results/README.md). Here a statement is one prepared query of the PostgreSQL client.
 * <p>
 * The SQL is PostgreSQL's own: parameters are {@code $1, $2, ...}; a collection parameter becomes an array (write
 * {@code = any($1)}); an {@link Instant} is bound as {@code timestamptz}. Values come back as the client reads them:
 * {@code bigint} as {@link Long}, {@code timestamptz} as {@link OffsetDateTime}, {@code numeric} as
 * {@link java.math.BigDecimal}.
 * <p>
 * The session is not flushed first: run these before the session holds changes of its own that the statement must see,
 * or flush it (Consumption flushes after each effect).
 */
public final class NativeSql {

    /** Rows of several columns. */
    public static Uni<List<Object[]>> rows(Mutiny.Session session, String sql, Object... parameters) {
        return Uni.createFrom().completionStage(() -> connectionOf(session).select(sql, bound(parameters)))
                .map(result -> {
                    List<Object[]> rows = new ArrayList<>(result.size());
                    result.forEachRemaining(row -> rows.add(read(row)));
                    return rows;
                });
    }

    /** The first column of each row, each of {@code type}. */
    public static <T> Uni<List<T>> list(Mutiny.Session session, Class<T> type, String sql, Object... parameters) {
        return rows(session, sql, parameters).map(rows -> rows.stream().map(row -> type.cast(row[0])).toList());
    }

    /** The first column of the one row. */
    public static <T> Uni<T> single(Mutiny.Session session, Class<T> type, String sql, Object... parameters) {
        return list(session, type, sql, parameters).map(values -> {
            if (values.size() != 1) {
                throw new IllegalStateException("expected one row, got " + values.size() + " from: " + sql);
            }
            return values.get(0);
        });
    }

    /** @return how many rows the statement changed */
    public static Uni<Integer> update(Mutiny.Session session, String sql, Object... parameters) {
        return Uni.createFrom().completionStage(() -> connectionOf(session).update(sql, bound(parameters)));
    }

    private static ReactiveConnection connectionOf(Mutiny.Session session) {
        if (session instanceof MutinySessionImpl hibernate) {
            return hibernate.getReactiveConnection();
        }
        throw new IllegalStateException("not a Hibernate Reactive session: " + session.getClass().getName());
    }

    private static Object[] bound(Object[] parameters) {
        Object[] bound = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Object parameter = parameters[i];
            if (parameter instanceof Instant instant) {
                bound[i] = OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
            } else if (parameter instanceof Collection<?> values) {
                bound[i] = array(values);
            } else {
                bound[i] = parameter;
            }
        }
        return bound;
    }

    private static Object array(Collection<?> values) {
        Class<?> type = values.isEmpty() ? String.class : values.iterator().next().getClass();
        return values.toArray((Object[]) Array.newInstance(type, values.size()));
    }

    private static Object[] read(Object[] row) {
        for (int i = 0; i < row.length; i++) {
            if (row[i] instanceof Numeric numeric) {
                row[i] = numeric.bigDecimalValue();
            }
        }
        return row;
    }

    private NativeSql() {
    }
}

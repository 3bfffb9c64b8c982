package com.example.orders.analytics.infrastructure.persistence;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.orders.analytics.application.OrderFigures;
import com.example.orders.platform.persistence.NativeSql;
import com.example.orders.platform.replay.ReadModel;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The read model, one row per order. Every fold is an upsert that commutes with the others (an outcome before its
 * order, the order after its outcome), so the model ends the same whatever order the topics are read in.
 * <p>
 * Unlike the other services, analytics has no domain package and its consumers fold facts straight into these
 * statements. That is on purpose: the model's only rule (an order's first outcome stands) is the {@code where} of one
 * upsert, applied by the database in the same statement that writes the fact; a fold in Java would first read each row
 * under a lock, one more round trip per event, to decide what the statement already decides. A rule that needs more
 * than one row, or a read model with decisions of its own, gets a domain like the others.
 */
@ApplicationScoped
public class OrderFacts implements ReadModel, OrderFigures {

    /**
     * @param linesJson
     *            bound as text, then cast: the PostgreSQL client would store a string bound as jsonb as a JSON string
     */
    public Uni<Void> placed(String orderId, Instant placedAt, String linesJson) {
        return execute(
                """
                        insert into order_fact (order_id, placed_at, status, lines) values ($1, $2, 'PENDING', cast(cast($3 as text) as jsonb))
                        on conflict (order_id) do update set placed_at = excluded.placed_at, lines = excluded.lines""",
                orderId, placedAt, linesJson);
    }

    public Uni<Void> confirmed(String orderId, BigDecimal total, String currency) {
        return execute("""
                insert into order_fact (order_id, status, total_amount, currency) values ($1, 'CONFIRMED', $2, $3)
                on conflict (order_id) do update set status = 'CONFIRMED', total_amount = excluded.total_amount,
                                                     currency = excluded.currency
                where order_fact.status = 'PENDING'""", orderId, total, currency);
    }

    public Uni<Void> cancelled(String orderId, String reason) {
        return execute("""
                insert into order_fact (order_id, status, reason) values ($1, 'CANCELLED', $2)
                on conflict (order_id) do update set status = 'CANCELLED', reason = excluded.reason
                where order_fact.status = 'PENDING'""", orderId, reason);
    }

    /** Every fold goes; {@code ./suite replay --group analytics-service --from earliest --rebuild} refolds them. */
    @Override
    public Uni<Void> empty() {
        return execute("delete from order_fact");
    }

    @Override
    public Uni<Summary> summary(int topProducts) {
        return Panache.getSession().flatMap(session -> NativeSql.rows(session, """
                select count(*) filter (where placed_at is not null),
                       count(*) filter (where status = 'CONFIRMED'),
                       count(*) filter (where status = 'CANCELLED')
                from order_fact""").map(rows -> rows.get(0))
                .flatMap(counts -> NativeSql.rows(session, """
                        select coalesce(sum(total_amount), 0), currency from order_fact
                        where status = 'CONFIRMED' group by currency order by currency""")
                        .flatMap(revenue -> NativeSql.rows(session, """
                                select line ->> 'sku', sum((line ->> 'quantity')::bigint) as sold
                                from order_fact, jsonb_array_elements(lines -> 'lines') as line
                                where status = 'CONFIRMED'
                                group by line ->> 'sku'
                                order by sold desc, line ->> 'sku'
                                limit $1""", topProducts)
                                .map(top -> new Summary(number(counts[0]), number(counts[1]), number(counts[2]),
                                        revenue.stream()
                                                .map(row -> new Revenue((BigDecimal) row[0], (String) row[1]))
                                                .toList(),
                                        top.stream()
                                                .map(row -> new ProductSales((String) row[0], number(row[1])))
                                                .toList())))));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static Uni<Void> execute(String sql, Object... parameters) {
        return Panache.getSession().flatMap(session -> NativeSql.update(session, sql, parameters)).replaceWithVoid();
    }
}

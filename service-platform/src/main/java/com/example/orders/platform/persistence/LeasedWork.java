package com.example.orders.platform.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * A table used as a work queue by workers that call the outside world (payment's provider calls, notification's
 * emails). A row is due when it is pending, its {@code next_attempt_at} has come and no live lease holds it; a worker
 * leases due rows for a while ({@code leased_until}), oldest due first, skipping rows another worker is leasing at that
 * moment, so two workers (or two replicas) never work on one row at once, and a worker that dies mid-call leaves a
 * lease that runs out and hands the row to the next. Finishing a row (or giving it a later attempt) is the queue's own
 * statement, which clears the lease.
 */
public final class LeasedWork {

    private final String lease;

    /**
     * @param table
     *            the queue's table, with {@code next_attempt_at} and {@code leased_until} columns
     * @param key
     *            its primary key column
     * @param pending
     *            the condition of a row that still has work to do (e.g. {@code sent_at is null})
     * @param returning
     *            the columns a leased row is returned with
     */
    public LeasedWork(String table, String key, String pending, String returning) {
        this.lease = """
                update %1$s set leased_until = $1
                where %2$s in (
                    select %2$s from %1$s
                    where (%3$s) and next_attempt_at <= $2
                      and (leased_until is null or leased_until < $2)
                    order by next_attempt_at
                    limit $3
                    for update skip locked)
                returning %4$s""".formatted(table, key, pending, returning);
    }

    /**
     * Leases up to {@code limit} due rows for {@code duration}, in the caller's transaction.
     *
     * @return the leased rows' {@code returning} columns
     */
    public Uni<List<Object[]>> lease(int limit, Duration duration) {
        Instant now = Instant.now();
        return Panache.getSession()
                .flatMap(session -> NativeSql.rows(session, lease, now.plus(duration), now, limit));
    }
}

package com.example.orders.platform.locking;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.orders.platform.persistence.NativeSql;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Serialises the work on one order inside a service. Facts about an order arrive on different topics, so a service's
 * consumers may handle two of them at the same moment (an order and its cancel, say); each takes the order's lock first
 * and the second waits for the first to commit. The lock is a PostgreSQL transaction-scoped advisory lock: it needs no
 * row to exist yet, works across replicas of the service, and ends with the transaction.
 */
@ApplicationScoped
public class OrderLocks {

    /** Waits for the order's lock; run it inside the transaction that does the work. */
    public Uni<Void> lock(String orderId) {
        return Panache.getSession()
                .flatMap(session -> NativeSql.single(session, Long.class, """
                        select count(*) from (select pg_advisory_xact_lock(hashtextextended($1, 0))) as locked""",
                        orderId))
                .replaceWithVoid();
    }
}

package com.example.orders.order.infrastructure.persistence;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.orders.order.application.IdempotencyKeys;
import com.example.orders.platform.persistence.NativeSql;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The order_request table: which order each (customer, Idempotency-Key) created. */
@ApplicationScoped
public class OrderRequests implements IdempotencyKeys {

    @Override
    public Uni<Optional<Earlier>> find(String customerId, String idempotencyKey) {
        return Panache.getSession()
                .flatMap(session -> NativeSql.rows(session, """
                        select order_id, request_hash from order_request
                        where customer_id = $1 and idempotency_key = $2""", customerId, idempotencyKey))
                .map(rows -> rows.stream().findFirst().map(row -> new Earlier((String) row[0], (String) row[1])));
    }

    @Override
    public Uni<Void> add(String customerId, String idempotencyKey, String fingerprint, String orderId) {
        return Panache.getSession()
                .flatMap(session -> NativeSql.update(session, """
                        insert into order_request (customer_id, idempotency_key, request_hash, order_id)
                        values ($1, $2, $3, $4)""", customerId, idempotencyKey, fingerprint, orderId))
                .replaceWithVoid();
    }
}

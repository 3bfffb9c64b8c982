package com.example.orders.loyalty.application;

import java.math.BigDecimal;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.example.orders.loyalty.domain.OrderPoints;
import com.example.orders.loyalty.domain.PointsEntry;
import com.example.orders.platform.saga.Cause;

import io.smallrye.mutiny.Uni;

/**
 * Grants a confirmed order's points and takes them back on a cancel, in the caller's transaction (the consumer's, which
 * also marks the fact applied). The consumer's lock serialises the two topics, so an order's facts are decided one
 * after the other against what the ledger holds.
 */
@ApplicationScoped
public class GrantingPoints {

    private static final Logger LOG = Logger.getLogger(GrantingPoints.class);

    private final PointsLedger ledger;
    private final LoyaltyServiceConfig config;

    GrantingPoints(PointsLedger ledger, LoyaltyServiceConfig config) {
        this.ledger = ledger;
        this.config = config;
    }

    public Uni<Void> orderConfirmed(Cause fact, String orderId, String customerId, BigDecimal total) {
        return decide(fact, orderId, order -> order.confirmed(customerId, total, config.pointsPerUnit()));
    }

    public Uni<Void> orderCancelled(Cause fact, String orderId, String customerId) {
        return decide(fact, orderId, order -> order.cancelled(customerId));
    }

    private Uni<Void> decide(Cause fact, String orderId,
            java.util.function.Function<OrderPoints, Optional<PointsEntry>> decision) {
        return ledger.entriesOf(orderId)
                .map(history -> decision.apply(new OrderPoints(orderId, history)))
                .flatMap(entry -> entry.map(made -> ledger.record(made, fact.eventId()))
                        .orElseGet(() -> {
                            LOG.infof("order %s: %s changes no points", orderId, fact.eventId());
                            return Uni.createFrom().voidItem();
                        }));
    }
}

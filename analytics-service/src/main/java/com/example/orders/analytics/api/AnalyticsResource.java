package com.example.orders.analytics.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import com.example.orders.analytics.infrastructure.config.AnalyticsServiceConfig;
import com.example.orders.analytics.infrastructure.persistence.OrderFacts;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** {@code /api/analytics}: the read models, for operators. */
@Path("/api/analytics")
public class AnalyticsResource {

    private final OrderFacts facts;
    private final AnalyticsServiceConfig config;

    AnalyticsResource(OrderFacts facts, AnalyticsServiceConfig config) {
        this.facts = facts;
        this.config = config;
    }

    @GET
    @Path("summary")
    @RolesAllowed("admin")
    @WithSession
    public Uni<SummaryView> summary() {
        return facts.summary(config.topProducts()).map(summary -> SummaryView.of(summary, config.currency()));
    }
}

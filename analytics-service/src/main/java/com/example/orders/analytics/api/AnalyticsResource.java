package com.example.orders.analytics.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import com.example.orders.analytics.application.ReadingTheSummary;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** {@code /api/analytics}: the read models, for operators. */
@Path("/api/analytics")
public class AnalyticsResource {

    private final ReadingTheSummary reading;

    AnalyticsResource(ReadingTheSummary reading) {
        this.reading = reading;
    }

    @GET
    @Path("summary")
    @RolesAllowed("admin")
    @WithSession
    public Uni<SummaryView> summary() {
        return reading.summary().map(summary -> SummaryView.of(summary, reading.mainCurrency()));
    }
}

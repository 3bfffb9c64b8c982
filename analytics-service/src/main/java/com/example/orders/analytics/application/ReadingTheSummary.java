package com.example.orders.analytics.application;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/** An operator reads the figures: orders by outcome, revenue, the best-selling products. */
@ApplicationScoped
public class ReadingTheSummary {

    private final OrderFigures figures;
    private final AnalyticsServiceConfig config;

    ReadingTheSummary(OrderFigures figures, AnalyticsServiceConfig config) {
        this.figures = figures;
        this.config = config;
    }

    /** The summary, its top products as many as {@code analytics.top-products}. */
    public Uni<OrderFigures.Summary> summary() {
        return figures.summary(config.topProducts());
    }

    /** The currency the summary's revenue is reported in. */
    public String mainCurrency() {
        return config.currency();
    }
}

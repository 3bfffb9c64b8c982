package com.example.orders.analytics.application;

import java.math.BigDecimal;
import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * The read model's figures (a port: {@code infrastructure/persistence} keeps the model and implements it). The model is
 * folded by the consumers straight into the database, without a domain in between: see
 * {@code infrastructure/persistence/OrderFacts} for why.
 */
public interface OrderFigures {

    /** The summary of docs/contract.md §2. */
    record Summary(long ordersPlaced, long ordersConfirmed, long ordersCancelled, List<Revenue> revenue,
            List<ProductSales> topProducts) {
    }

    record Revenue(BigDecimal amount, String currency) {
    }

    record ProductSales(String sku, long quantity) {
    }

    /**
     * @param topProducts
     *            how many of the best-selling products to list
     */
    Uni<Summary> summary(int topProducts);
}

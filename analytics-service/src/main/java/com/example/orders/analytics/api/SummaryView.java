package com.example.orders.analytics.api;

import java.util.List;

import com.example.orders.analytics.application.OrderFigures;

/**
 * {@code GET /api/analytics/summary} (docs/contract.md §2). {@code revenue} is in the suite's main currency;
 * {@code revenueByCurrency} lists every currency confirmed orders were paid in. Amounts are decimal strings.
 */
public record SummaryView(long ordersPlaced, long ordersConfirmed, long ordersCancelled, Amount revenue,
        List<Amount> revenueByCurrency, List<Product> topProducts) {

    public record Amount(String amount, String currency) {
    }

    public record Product(String sku, long quantity) {
    }

    static SummaryView of(OrderFigures.Summary summary, String mainCurrency) {
        List<Amount> byCurrency = summary.revenue().stream()
                .map(revenue -> new Amount(revenue.amount().toPlainString(), revenue.currency()))
                .toList();
        Amount main = byCurrency.stream().filter(amount -> amount.currency().equals(mainCurrency)).findFirst()
                .orElse(new Amount("0", mainCurrency));
        return new SummaryView(summary.ordersPlaced(), summary.ordersConfirmed(), summary.ordersCancelled(), main,
                byCurrency, summary.topProducts().stream()
                        .map(product -> new Product(product.sku(), product.quantity()))
                        .toList());
    }
}

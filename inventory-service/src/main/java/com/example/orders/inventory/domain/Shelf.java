package com.example.orders.inventory.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reserves an order's lines against the catalogue: every line or none. The caller holds the stock items of the order
 * locked while this runs, so two orders never both take the last unit.
 */
public final class Shelf {

    /** A line as the customer asked for it. */
    public record Wanted(String sku, int quantity) {
    }

    public static StockDecision reserve(String orderId, List<Wanted> wanted, Map<String, StockItem> stock) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        wanted.forEach(line -> quantities.merge(line.sku(), line.quantity(), Integer::sum));

        List<String> unknown = quantities.keySet().stream().filter(sku -> !stock.containsKey(sku)).toList();
        if (!unknown.isEmpty()) {
            return new StockDecision.Rejected(StockDecision.Reason.UNKNOWN_SKU, unknown);
        }
        List<String> shortSkus = quantities.entrySet().stream()
                .filter(line -> !stock.get(line.getKey()).canReserve(line.getValue()))
                .map(Map.Entry::getKey)
                .toList();
        if (!shortSkus.isEmpty()) {
            return new StockDecision.Rejected(StockDecision.Reason.OUT_OF_STOCK, shortSkus);
        }
        List<Reservation.Line> lines = new ArrayList<>();
        quantities.forEach((sku, quantity) -> {
            StockItem item = stock.get(sku);
            item.reserve(quantity);
            lines.add(new Reservation.Line(sku, quantity, item.unitPrice()));
        });
        return new StockDecision.Reserved(Reservation.held(orderId, lines));
    }

    private Shelf() {
    }
}

package com.example.orders.inventory.api;

import com.example.orders.inventory.domain.StockItem;

/** A product of the catalogue as clients see it. The price is a decimal string. */
public record StockView(String sku, int available, int reserved, String unitPrice, String currency) {

    static StockView of(StockItem item) {
        return new StockView(item.sku(), item.available(), item.reserved(),
                item.unitPrice().amount().toPlainString(), item.unitPrice().currency());
    }
}

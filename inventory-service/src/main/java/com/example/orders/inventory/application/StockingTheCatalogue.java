package com.example.orders.inventory.application;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.orders.inventory.domain.Money;
import com.example.orders.inventory.domain.StockItem;

import io.smallrye.mutiny.Uni;

/** Operators put products on the shelf and set their price; anyone signed in looks one up. */
@ApplicationScoped
public class StockingTheCatalogue {

    private final Catalogue catalogue;
    private final InventoryServiceConfig config;

    StockingTheCatalogue(Catalogue catalogue, InventoryServiceConfig config) {
        this.catalogue = catalogue;
        this.config = config;
    }

    /**
     * @param unitPrice
     *            a decimal amount
     * @param currency
     *            the price's currency, or empty for {@code inventory.default-currency}
     */
    public Uni<StockItem> restock(String sku, int available, String unitPrice, Optional<String> currency) {
        return catalogue.restock(sku, available, Money.of(unitPrice, currency.orElse(config.defaultCurrency())));
    }

    public Uni<Optional<StockItem>> find(String sku) {
        return catalogue.find(sku);
    }
}

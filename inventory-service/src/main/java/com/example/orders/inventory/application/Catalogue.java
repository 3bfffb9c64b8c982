package com.example.orders.inventory.application;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.example.orders.inventory.domain.Money;
import com.example.orders.inventory.domain.StockItem;

import io.smallrye.mutiny.Uni;

/**
 * The catalogue, in the caller's transaction (a port: {@code infrastructure/persistence} implements it). Items are
 * changed under their row locks, taken in SKU order so two orders sharing products wait for each other instead of
 * deadlocking; what one transaction reserved, the next sees.
 */
public interface Catalogue {

    Uni<Optional<StockItem>> find(String sku);

    /**
     * Applies {@code change} to the locked items of {@code skus} (unknown SKUs are absent from the map) and stores what
     * it changed when the transaction commits.
     */
    <T> Uni<T> change(Collection<String> skus, Function<Map<String, StockItem>, T> change);

    /** Sets what is on the shelf and the price of {@code sku}, adding it to the catalogue if it is new. */
    Uni<StockItem> restock(String sku, int available, Money unitPrice);
}

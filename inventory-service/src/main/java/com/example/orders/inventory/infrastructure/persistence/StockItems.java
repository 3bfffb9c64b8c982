package com.example.orders.inventory.infrastructure.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.hibernate.LockMode;

import com.example.orders.inventory.application.Catalogue;
import com.example.orders.inventory.domain.Money;
import com.example.orders.inventory.domain.StockItem;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The catalogue as stored. Every change runs on rows locked with SELECT ... FOR UPDATE, taken in SKU order so two
 * orders sharing products wait for each other instead of deadlocking; what one transaction reserved, the next sees.
 */
@ApplicationScoped
public class StockItems implements Catalogue {

    @Override
    public Uni<Optional<StockItem>> find(String sku) {
        return Panache.getSession()
                .flatMap(session -> session.find(StockItemRecord.class, sku))
                .map(record -> Optional.ofNullable(record).map(StockItemRecord::toStockItem));
    }

    @Override
    public <T> Uni<T> change(Collection<String> skus, Function<Map<String, StockItem>, T> change) {
        if (skus.isEmpty()) {
            return Uni.createFrom().item(() -> change.apply(Map.of()));
        }
        return Panache.getSession()
                .flatMap(session -> session.createSelectionQuery(
                        "from StockItemRecord where sku in (:skus) order by sku", StockItemRecord.class)
                        .setParameter("skus", List.copyOf(new TreeSet<>(skus)))
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .getResultList())
                .map(records -> {
                    Map<String, StockItem> items = new LinkedHashMap<>();
                    records.forEach(record -> items.put(record.sku, record.toStockItem()));
                    T outcome = change.apply(items);
                    Instant now = Instant.now();
                    records.forEach(record -> record.update(items.get(record.sku), now));
                    return outcome;
                });
    }

    @Override
    public Uni<StockItem> restock(String sku, int available, Money unitPrice) {
        Instant now = Instant.now();
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery("""
                        insert into stock_item (sku, available, reserved, unit_price, currency, updated_at, version)
                        values (?1, 0, 0, ?2, ?3, ?4, 0)
                        on conflict (sku) do nothing""")
                        .setParameter(1, sku)
                        .setParameter(2, unitPrice.amount())
                        .setParameter(3, unitPrice.currency())
                        .setParameter(4, now)
                        .executeUpdate()
                        .flatMap(inserted -> session.find(StockItemRecord.class, sku, LockMode.PESSIMISTIC_WRITE))
                        .map(record -> {
                            StockItem item = record.toStockItem();
                            item.restock(available, unitPrice);
                            record.update(item, now);
                            return item;
                        }));
    }
}

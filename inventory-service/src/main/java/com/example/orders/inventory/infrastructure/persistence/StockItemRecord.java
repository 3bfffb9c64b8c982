package com.example.orders.inventory.infrastructure.persistence;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.example.orders.inventory.domain.Money;
import com.example.orders.inventory.domain.StockItem;

/** How a {@link StockItem} is stored. */
@Entity
@Table(name = "stock_item")
public class StockItemRecord {

    @Id
    String sku;
    int available;
    int reserved;
    @Column(name = "unit_price")
    BigDecimal unitPrice;
    String currency;
    @Column(name = "updated_at")
    Instant updatedAt;
    @Version
    long version;

    static StockItemRecord of(StockItem item, Instant at) {
        StockItemRecord record = new StockItemRecord();
        record.sku = item.sku();
        record.update(item, at);
        return record;
    }

    void update(StockItem item, Instant at) {
        if (available != item.available() || reserved != item.reserved()
                || unitPrice == null || unitPrice.compareTo(item.unitPrice().amount()) != 0
                || !item.unitPrice().currency().equals(currency)) {
            updatedAt = at;
        }
        available = item.available();
        reserved = item.reserved();
        unitPrice = item.unitPrice().amount();
        currency = item.unitPrice().currency();
    }

    StockItem toStockItem() {
        return StockItem.restore(sku, available, reserved, new Money(unitPrice, currency));
    }
}

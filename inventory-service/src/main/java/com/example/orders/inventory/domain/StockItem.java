package com.example.orders.inventory.domain;

import java.util.Objects;

/**
 * One product of the catalogue: its price and how many units are on the shelf ({@code available}) or held for orders
 * that are not settled yet ({@code reserved}). Neither count ever goes below zero.
 */
public final class StockItem {

    private final String sku;
    private int available;
    private int reserved;
    private Money unitPrice;

    private StockItem(String sku, int available, int reserved, Money unitPrice) {
        this.sku = Objects.requireNonNull(sku, "sku");
        this.unitPrice = Objects.requireNonNull(unitPrice, "unitPrice");
        if (available < 0 || reserved < 0) {
            throw new IllegalArgumentException("stock cannot be negative");
        }
        this.available = available;
        this.reserved = reserved;
    }

    public static StockItem stocked(String sku, int available, Money unitPrice) {
        return new StockItem(sku, available, 0, unitPrice);
    }

    public static StockItem restore(String sku, int available, int reserved, Money unitPrice) {
        return new StockItem(sku, available, reserved, unitPrice);
    }

    /** An operator sets what is on the shelf and the price; units held for orders stay held. */
    public void restock(int newAvailable, Money newUnitPrice) {
        if (newAvailable < 0) {
            throw new IllegalArgumentException("available cannot be negative");
        }
        available = newAvailable;
        unitPrice = Objects.requireNonNull(newUnitPrice, "unitPrice");
    }

    boolean canReserve(int quantity) {
        return quantity <= available;
    }

    void reserve(int quantity) {
        if (!canReserve(quantity)) {
            throw new IllegalStateException(quantity + " x " + sku + " asked, " + available + " available");
        }
        available -= quantity;
        reserved += quantity;
    }

    /** Held units go back on the shelf (the order was cancelled). */
    void release(int quantity) {
        int released = Math.min(quantity, reserved);
        reserved -= released;
        available += released;
    }

    /** Held units are sold (the order was confirmed). */
    void commit(int quantity) {
        reserved -= Math.min(quantity, reserved);
    }

    public String sku() {
        return sku;
    }

    public int available() {
        return available;
    }

    public int reserved() {
        return reserved;
    }

    public Money unitPrice() {
        return unitPrice;
    }
}

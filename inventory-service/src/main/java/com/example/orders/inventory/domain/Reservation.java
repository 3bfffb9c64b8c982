package com.example.orders.inventory.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The units held for one order, priced at the catalogue price of the moment they were reserved. It ends exactly once:
 * committed when the order is confirmed, or released when it is cancelled.
 */
public final class Reservation {

    public enum State {
        HELD, COMMITTED, RELEASED
    }

    public record Line(String sku, int quantity, Money unitPrice) {
    }

    private final String orderId;
    private final List<Line> lines;
    private State state;

    private Reservation(String orderId, List<Line> lines, State state) {
        this.orderId = Objects.requireNonNull(orderId, "orderId");
        this.lines = List.copyOf(lines);
        this.state = Objects.requireNonNull(state, "state");
    }

    static Reservation held(String orderId, List<Line> lines) {
        return new Reservation(orderId, lines, State.HELD);
    }

    public static Reservation restore(String orderId, List<Line> lines, State state) {
        return new Reservation(orderId, lines, state);
    }

    /** @return true if units went back on the shelf; false if the reservation had already ended */
    public boolean release(Map<String, StockItem> stock) {
        if (state != State.HELD) {
            return false;
        }
        lines.forEach(line -> stock.get(line.sku()).release(line.quantity()));
        state = State.RELEASED;
        return true;
    }

    /** @return true if the held units were sold; false if the reservation had already ended */
    public boolean commit(Map<String, StockItem> stock) {
        if (state != State.HELD) {
            return false;
        }
        lines.forEach(line -> stock.get(line.sku()).commit(line.quantity()));
        state = State.COMMITTED;
        return true;
    }

    public Money total() {
        return lines.stream().map(line -> line.unitPrice().times(line.quantity())).reduce(Money::plus).orElseThrow();
    }

    public String orderId() {
        return orderId;
    }

    public List<Line> lines() {
        return lines;
    }

    public State state() {
        return state;
    }
}

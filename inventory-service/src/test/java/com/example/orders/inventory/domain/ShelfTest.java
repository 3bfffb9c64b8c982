package com.example.orders.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ShelfTest {

    private static final Money NINE_NINETY_NINE = Money.of("9.99", "EUR");

    private final Map<String, StockItem> stock = Map.of(
            "SKU-1", StockItem.stocked("SKU-1", 5, NINE_NINETY_NINE),
            "SKU-2", StockItem.stocked("SKU-2", 1, Money.of("2.50", "EUR")));

    @Test
    void reservesEveryLineAtTheCataloguePrice() {
        StockDecision decision = Shelf.reserve("order-1",
                List.of(new Shelf.Wanted("SKU-1", 2), new Shelf.Wanted("SKU-2", 1)), stock);

        assertThat(decision).isInstanceOfSatisfying(StockDecision.Reserved.class, reserved -> {
            assertThat(reserved.reservation().lines()).containsExactly(
                    new Reservation.Line("SKU-1", 2, NINE_NINETY_NINE),
                    new Reservation.Line("SKU-2", 1, Money.of("2.50", "EUR")));
            assertThat(reserved.reservation().total()).isEqualTo(Money.of("22.48", "EUR"));
        });
        assertThat(stock.get("SKU-1").available()).isEqualTo(3);
        assertThat(stock.get("SKU-1").reserved()).isEqualTo(2);
        assertThat(stock.get("SKU-2").available()).isZero();
    }

    @Test
    void reservesNothingWhenOneLineIsShort() {
        StockDecision decision = Shelf.reserve("order-1",
                List.of(new Shelf.Wanted("SKU-1", 2), new Shelf.Wanted("SKU-2", 2)), stock);

        assertThat(decision).isEqualTo(new StockDecision.Rejected(StockDecision.Reason.OUT_OF_STOCK, List.of("SKU-2")));
        assertThat(stock.get("SKU-1").available()).as("nothing taken from the line that could be served")
                .isEqualTo(5);
        assertThat(stock.get("SKU-1").reserved()).isZero();
    }

    @Test
    void countsTheSameProductOnTwoLinesTogether() {
        StockDecision decision = Shelf.reserve("order-1",
                List.of(new Shelf.Wanted("SKU-1", 3), new Shelf.Wanted("SKU-1", 3)), stock);

        assertThat(decision).isInstanceOf(StockDecision.Rejected.class);
        assertThat(stock.get("SKU-1").available()).isEqualTo(5);
    }

    @Test
    void rejectsAnUnknownProductBeforeLookingAtQuantities() {
        StockDecision decision = Shelf.reserve("order-1",
                List.of(new Shelf.Wanted("SKU-404", 1), new Shelf.Wanted("SKU-2", 9)), stock);

        assertThat(decision).isEqualTo(new StockDecision.Rejected(StockDecision.Reason.UNKNOWN_SKU,
                List.of("SKU-404")));
    }

    @Test
    void releasingPutsHeldUnitsBackOnceOnly() {
        Reservation reservation = ((StockDecision.Reserved) Shelf.reserve("order-1",
                List.of(new Shelf.Wanted("SKU-1", 2)), stock)).reservation();

        assertThat(reservation.release(stock)).isTrue();
        assertThat(reservation.release(stock)).isFalse();

        assertThat(stock.get("SKU-1").available()).isEqualTo(5);
        assertThat(stock.get("SKU-1").reserved()).isZero();
        assertThat(reservation.state()).isEqualTo(Reservation.State.RELEASED);
    }

    @Test
    void committingSellsHeldUnitsAndCannotBeReleasedAfterwards() {
        Reservation reservation = ((StockDecision.Reserved) Shelf.reserve("order-1",
                List.of(new Shelf.Wanted("SKU-1", 2)), stock)).reservation();

        assertThat(reservation.commit(stock)).isTrue();
        assertThat(reservation.release(stock)).isFalse();

        assertThat(stock.get("SKU-1").available()).isEqualTo(3);
        assertThat(stock.get("SKU-1").reserved()).isZero();
    }

    @Test
    void restockingKeepsHeldUnitsHeld() {
        Shelf.reserve("order-1", List.of(new Shelf.Wanted("SKU-1", 2)), stock);

        stock.get("SKU-1").restock(100, Money.of("8.99", "EUR"));

        assertThat(stock.get("SKU-1").available()).isEqualTo(100);
        assertThat(stock.get("SKU-1").reserved()).isEqualTo(2);
    }

    @Test
    void neverTakesTheLastUnitTwice() {
        StockDecision first = Shelf.reserve("order-1", List.of(new Shelf.Wanted("SKU-2", 1)), stock);
        StockDecision second = Shelf.reserve("order-2", List.of(new Shelf.Wanted("SKU-2", 1)), stock);

        assertThat(first).isInstanceOf(StockDecision.Reserved.class);
        assertThat(second).isInstanceOf(StockDecision.Rejected.class);
        assertThat(stock.get("SKU-2").available()).isZero();
        assertThat(stock.get("SKU-2").reserved()).isEqualTo(1);
    }
}

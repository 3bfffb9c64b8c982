package com.example.orders.loyalty.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class OrderPointsTest {

    private static final PointsEntry GRANTED = new PointsEntry("o-1", "alice", PointsEntry.Kind.GRANTED, 19);

    @Test
    void aConfirmedOrderEarnsAPointPerWholeUnitOfItsTotalTimesTheRate() {
        assertThat(new OrderPoints("o-1", List.of()).confirmed("alice", new BigDecimal("19.98"), 1))
                .contains(GRANTED);
        assertThat(OrderPoints.pointsFor(new BigDecimal("19.98"), 3)).isEqualTo(57);
        assertThat(OrderPoints.pointsFor(new BigDecimal("0.99"), 1)).isZero();
        assertThat(OrderPoints.pointsFor(new BigDecimal("-5"), 1)).isZero();
    }

    @Test
    void aSecondConfirmOfTheSameOrderGrantsNothingMore() {
        assertThat(new OrderPoints("o-1", List.of(GRANTED)).confirmed("alice", new BigDecimal("19.98"), 1))
                .isEmpty();
    }

    @Test
    void aCancelAfterAConfirmTakesBackWhatWasGranted() {
        assertThat(new OrderPoints("o-1", List.of(GRANTED)).cancelled("alice"))
                .contains(new PointsEntry("o-1", "alice", PointsEntry.Kind.REVOKED, -19));
    }

    @Test
    void aCancelBeforeAnyConfirmRecordsThatNoneWasEarnedOnce() {
        PointsEntry none = new PointsEntry("o-1", "alice", PointsEntry.Kind.NONE_EARNED, 0);

        assertThat(new OrderPoints("o-1", List.of()).cancelled("alice")).contains(none);
        assertThat(new OrderPoints("o-1", List.of(none)).cancelled("alice")).isEmpty();
    }

    @Test
    void aConfirmAfterTheOrderWasRecordedAsCancelledIsAContradictionToLookAt() {
        OrderPoints cancelled = new OrderPoints("o-1",
                List.of(new PointsEntry("o-1", "alice", PointsEntry.Kind.NONE_EARNED, 0)));

        assertThatThrownBy(() -> cancelled.confirmed("alice", BigDecimal.TEN, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("confirmed after it was recorded as cancelled");
    }
}

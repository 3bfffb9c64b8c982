package com.example.orders.order.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void keepsItsCurrencysScaleWhateverItWasReadFrom() {
        assertThat(new Money(new BigDecimal("12.5"), "EUR").amount().toPlainString()).isEqualTo("12.50");
        assertThat(new Money(BigDecimal.valueOf(12.5d), "EUR").amount().toPlainString()).isEqualTo("12.50");
        assertThat(Money.of("7", "EUR").amount().toPlainString()).isEqualTo("7.00");
        assertThat(Money.of("1500", "JPY").amount().toPlainString()).isEqualTo("1500");
    }

    @Test
    void neverRoundsDigitsAwayNorFailsOnACodeItDoesNotKnow() {
        assertThat(Money.of("0.125", "EUR").amount().toPlainString()).isEqualTo("0.125");
        assertThat(Money.of("3.5", "XYZ1").amount().toPlainString()).isEqualTo("3.5");
    }
}

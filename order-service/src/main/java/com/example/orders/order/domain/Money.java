package com.example.orders.order.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in one currency, at least at the currency's scale: 12.5 EUR is 12.50 EUR however it was read back (a JSON
 * number loses its trailing zeros), so it is shown as the catalogue priced it. Digits beyond the scale are kept, never
 * rounded away.
 */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int scale = scaleOf(currency);
        if (amount.scale() < scale) {
            amount = amount.setScale(scale);
        }
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    /** The currency's minor unit digits (2 for EUR, 0 for JPY); 0 for a code ISO 4217 does not know. */
    private static int scaleOf(String currency) {
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknownCode) {
            return 0;
        }
    }
}

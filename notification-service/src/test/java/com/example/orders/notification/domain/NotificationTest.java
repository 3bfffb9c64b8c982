package com.example.orders.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class NotificationTest {

    @Test
    void writesToTheOrdersAddressOrToOneMadeFromTheCustomerId() {
        assertThat(Notification.recipientOf("alice@example.com", "alice", "customers.test"))
                .isEqualTo("alice@example.com");
        assertThat(Notification.recipientOf(null, "bob", "customers.test")).isEqualTo("bob@customers.test");
        assertThat(Notification.recipientOf(" ", "b o<b>", "customers.test")).isEqualTo("b_o_b_@customers.test");
    }

    @Test
    void aConfirmationNamesTheOrderAndWhatWasPaid() {
        Notification confirmed = Notification.orderConfirmed("o-1", "a@example.com", new BigDecimal("19.98"), "EUR");

        assertThat(confirmed.kind()).isEqualTo(Notification.Kind.ORDER_CONFIRMED);
        assertThat(confirmed.subject()).contains("o-1").contains("confirmed");
        assertThat(confirmed.body()).contains("19.98 EUR");
    }

    @Test
    void aCancellationSaysWhyInWordsACustomerReads() {
        Notification cancelled = Notification.orderCancelled("o-2", "a@example.com",
                Notification.Cancellation.PAYMENT_DECLINED);

        assertThat(cancelled.kind()).isEqualTo(Notification.Kind.ORDER_CANCELLED);
        assertThat(cancelled.body()).contains("the payment was declined").doesNotContain("PAYMENT_DECLINED");
    }

    @Test
    void aGiveUpIsToldAsOneNotAsMissingStock() {
        Notification cancelled = Notification.orderCancelled("o-3", "a@example.com",
                Notification.Cancellation.NO_STOCK_DECISION_IN_TIME);

        assertThat(cancelled.body()).contains("we could not check our stock in time").doesNotContain("out of stock");
    }
}

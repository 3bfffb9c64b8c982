package com.example.orders.payment.infrastructure.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A capture or refund repeated under its idempotency key must be the same request, whichever JVM writes it: the
 * provider compares it with the first one and answers 409 to anything else.
 */
class ProviderRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCaptureIsWrittenInOneFieldOrder() throws Exception {
        assertThat(JSON.writeValueAsString(new HttpPaymentProvider.CaptureRequest("o1", "tok_ok", "5.00", "EUR")))
                .isEqualTo("""
                        {"orderId":"o1","token":"tok_ok","amount":"5.00","currency":"EUR"}""");
    }

    @Test
    void aRefundIsWrittenInOneFieldOrder() throws Exception {
        assertThat(JSON.writeValueAsString(new HttpPaymentProvider.RefundRequest("capture-o1", "5.00", "EUR")))
                .isEqualTo("""
                        {"captureKey":"capture-o1","amount":"5.00","currency":"EUR"}""");
    }
}

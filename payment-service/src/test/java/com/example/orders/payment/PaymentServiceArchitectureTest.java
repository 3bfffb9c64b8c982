package com.example.orders.payment;

import org.junit.jupiter.api.Test;

import com.example.orders.testsupport.DomainRules;

class PaymentServiceArchitectureTest {

    @Test
    void keepsTheDomainFreeOfFrameworksAndWireFormats() {
        DomainRules.assertDomainIsPlainJava("com.example.orders.payment");
    }
}

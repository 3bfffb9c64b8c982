package com.example.orders.order;

import org.junit.jupiter.api.Test;

import com.example.orders.testsupport.DomainRules;

class OrderServiceArchitectureTest {

    @Test
    void keepsTheDomainFreeOfFrameworksAndWireFormats() {
        DomainRules.assertDomainIsPlainJava("com.example.orders.order");
    }
}

package com.example.orders.inventory;

import org.junit.jupiter.api.Test;

import com.example.orders.testsupport.DomainRules;

class InventoryServiceArchitectureTest {

    @Test
    void keepsTheDomainFreeOfFrameworksAndWireFormats() {
        DomainRules.assertDomainIsPlainJava("com.example.orders.inventory");
    }
}

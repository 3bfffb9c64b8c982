package com.example.orders.order;

import org.junit.jupiter.api.Test;

import com.example.orders.testsupport.ArchitectureRules;

class OrderServiceArchitectureTest {

    @Test
    void keepsItsLayersItsPortsAndItsModuleBoundaries() {
        ArchitectureRules.assertServiceArchitecture("com.example.orders.order");
    }
}

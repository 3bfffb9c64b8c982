package com.example.orders.inventory;

import org.junit.jupiter.api.Test;

import com.example.orders.testsupport.ArchitectureRules;

class InventoryServiceArchitectureTest {

    @Test
    void keepsItsLayersItsPortsAndItsModuleBoundaries() {
        ArchitectureRules.assertServiceArchitecture("com.example.orders.inventory");
    }
}

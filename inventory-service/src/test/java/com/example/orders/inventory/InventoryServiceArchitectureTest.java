package com.example.orders.inventory;

import org.junit.jupiter.api.Test;

import com.example.orders.testsupport.ArchitectureRules;
import com.example.orders.testsupport.ConsumerContracts;

class InventoryServiceArchitectureTest {

    @Test
    void keepsItsLayersItsPortsAndItsModuleBoundaries() {
        ArchitectureRules.assertServiceArchitecture("com.example.orders.inventory");
    }

    @Test
    void consumesWhatTheConsumerCatalogueSaysAndReadsOnlyTheFieldsItDeclares() {
        ConsumerContracts.assertCatalogued("inventory-service", "com.example.orders.inventory");
    }
}

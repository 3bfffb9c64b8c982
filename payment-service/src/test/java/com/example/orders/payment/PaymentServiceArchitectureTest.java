package com.example.orders.payment;

import org.junit.jupiter.api.Test;

import com.example.orders.testsupport.ArchitectureRules;
import com.example.orders.testsupport.ConsumerContracts;

class PaymentServiceArchitectureTest {

    @Test
    void keepsItsLayersItsPortsAndItsModuleBoundaries() {
        ArchitectureRules.assertServiceArchitecture("com.example.orders.payment", ArchitectureRules.Absent.API);
    }

    @Test
    void consumesWhatTheConsumerCatalogueSaysAndReadsOnlyTheFieldsItDeclares() {
        ConsumerContracts.assertCatalogued("payment-service", "com.example.orders.payment");
    }
}

package com.example.orders.payment;

import org.junit.jupiter.api.Test;

import com.example.orders.testsupport.ArchitectureRules;

class PaymentServiceArchitectureTest {

    @Test
    void keepsItsLayersItsPortsAndItsModuleBoundaries() {
        ArchitectureRules.assertServiceArchitecture("com.example.orders.payment", ArchitectureRules.Absent.API);
    }
}

package com.example.orders.analytics;

import org.junit.jupiter.api.Test;

import com.example.orders.testsupport.ArchitectureRules;

class AnalyticsServiceArchitectureTest {

    @Test
    void keepsItsLayersItsPortsAndItsModuleBoundaries() {
        ArchitectureRules.assertServiceArchitecture("com.example.orders.analytics", ArchitectureRules.Absent.DOMAIN);
    }
}

package com.example.orders.analytics;

import org.junit.jupiter.api.Test;

import com.example.orders.testsupport.ArchitectureRules;
import com.example.orders.testsupport.ConsumerContracts;

class AnalyticsServiceArchitectureTest {

    @Test
    void keepsItsLayersItsPortsAndItsModuleBoundaries() {
        ArchitectureRules.assertServiceArchitecture("com.example.orders.analytics", ArchitectureRules.Absent.DOMAIN);
    }

    @Test
    void consumesWhatTheConsumerCatalogueSaysAndReadsOnlyTheFieldsItDeclares() {
        ConsumerContracts.assertCatalogued("analytics-service", "com.example.orders.analytics");
    }
}

package com.example.orders.notification;

import org.junit.jupiter.api.Test;

import com.example.orders.testsupport.ArchitectureRules;
import com.example.orders.testsupport.ConsumerContracts;

class NotificationServiceArchitectureTest {

    @Test
    void keepsItsLayersItsPortsAndItsModuleBoundaries() {
        ArchitectureRules.assertServiceArchitecture("com.example.orders.notification");
    }

    @Test
    void consumesWhatTheConsumerCatalogueSaysAndReadsOnlyTheFieldsItDeclares() {
        ConsumerContracts.assertCatalogued("notification-service", "com.example.orders.notification");
    }
}

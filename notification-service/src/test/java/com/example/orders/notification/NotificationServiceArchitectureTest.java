package com.example.orders.notification;

import org.junit.jupiter.api.Test;

import com.example.orders.testsupport.ArchitectureRules;

class NotificationServiceArchitectureTest {

    @Test
    void keepsItsLayersItsPortsAndItsModuleBoundaries() {
        ArchitectureRules.assertServiceArchitecture("com.example.orders.notification");
    }
}

package com.example.orders.notification;

import org.junit.jupiter.api.Test;

import com.example.orders.testsupport.DomainRules;

class NotificationServiceArchitectureTest {

    @Test
    void keepsTheDomainFreeOfFrameworksAndWireFormats() {
        DomainRules.assertDomainIsPlainJava("com.example.orders.notification");
    }
}

package com.example.orders.order;

import org.junit.jupiter.api.Test;

import com.example.orders.testsupport.DomainRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class OrderServiceArchitectureTest {

    private static final JavaClasses PRODUCTION_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.example.orders");

    @Test
    void keepsTheDomainFreeOfFrameworksAndWireFormats() {
        DomainRules.domainIsPlainJava("com.example.orders.order").check(PRODUCTION_CLASSES);
    }
}

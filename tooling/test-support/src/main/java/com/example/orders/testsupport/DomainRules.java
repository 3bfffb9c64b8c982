package com.example.orders.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Architecture rules every service keeps. Each rule fails when it matches no class ({@code allowEmptyShould(false)}),
 * so a renamed package cannot silently turn a rule off.
 */
public final class DomainRules {

    /** The domain is plain Java: no framework, persistence, messaging or wire-contract types. */
    public static ArchRule domainIsPlainJava(String servicePackage) {
        return noClasses().that()
                .resideInAPackage(servicePackage + ".domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.quarkus..", "jakarta..", "javax..", "org.hibernate..", "org.apache.kafka..",
                        "io.smallrye..", "io.vertx..", "io.micrometer..", "org.eclipse.microprofile..",
                        "com.fasterxml..", "com.example.orders.events..", "com.example.orders.platform..",
                        servicePackage + ".infrastructure..", servicePackage + ".api..",
                        servicePackage + ".application..")
                .allowEmptyShould(false)
                .because("the domain states the business rules; frameworks and wire formats stay at the edges");
    }

    /** Checks {@link #domainIsPlainJava} against the production classes of the service. */
    public static void assertDomainIsPlainJava(String servicePackage) {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage, "com.example.orders.platform");
        domainIsPlainJava(servicePackage).check(production);
    }

    private DomainRules() {
    }
}

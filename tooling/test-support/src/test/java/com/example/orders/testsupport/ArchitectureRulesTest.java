package com.example.orders.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * The rules that every service's architecture test applies, tried on fixture services: one laid out as they want
 * ({@code fixture.shop}), one whose use case takes the concrete adapter and the wire envelope
 * ({@code fixture.shortcut}), one that uses another service's classes ({@code fixture.meddler}); and an operations
 * module ({@code fixture.tools}), one that reaches into a service ({@code fixture.tattler}), and a console that uses
 * the first ({@code fixture.desk}).
 */
class ArchitectureRulesTest {

    private static final String SHOP = "com.example.orders.fixture.shop";
    private static final String SHORTCUT = "com.example.orders.fixture.shortcut";
    private static final String MEDDLER = "com.example.orders.fixture.meddler";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .importPackages("com.example.orders.fixture", "com.example.orders.platform", "com.example.orders.events");

    @Test
    void aServiceLaidOutAsTheRulesWantPassesThemAll() {
        assertThatCode(() -> {
            ArchitectureRules.domainIsPlainJava(SHOP).check(CLASSES);
            ArchitectureRules.layered(SHOP, Set.of()).check(CLASSES);
            ArchitectureRules.useCasesStayOffTheWire(SHOP).check(CLASSES);
            ArchitectureRules.touchesOnlyTheContractAndThePlatform(SHOP).check(CLASSES);
        }).doesNotThrowAnyException();
    }

    @Test
    void aUseCaseThatImportsInfrastructureBreaksTheLayers() {
        assertThatThrownBy(() -> ArchitectureRules.layered(SHORTCUT, Set.of()).check(CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CountingItems")
                .hasMessageContaining("StoredBaskets");
    }

    @Test
    void aUseCaseThatTakesTheWireEnvelopeIsRefused() {
        assertThatThrownBy(() -> ArchitectureRules.useCasesStayOffTheWire(SHORTCUT).check(CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CountingItems")
                .hasMessageContaining("EventEnvelope");
    }

    @Test
    void aServiceThatUsesAnotherServicesClassesBreaksTheModuleRule() {
        assertThatThrownBy(() -> ArchitectureRules.touchesOnlyTheContractAndThePlatform(MEDDLER).check(CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Auditing")
                .hasMessageContaining(SHOP + ".domain.Basket");
    }

    @Test
    void theSharedModulesTouchNoFixtureService() {
        assertThatCode(() -> {
            ArchitectureRules.thePlatformTouchesNoService().check(CLASSES);
            ArchitectureRules.theContractTouchesNothingElse().check(CLASSES);
        }).doesNotThrowAnyException();
    }

    @Test
    void onlyTheConsoleMayUseTheOperationsModuleAndThatModuleUsesOnlyTheContract() {
        String desk = "com.example.orders.fixture.desk";
        assertThatCode(() -> ArchitectureRules.touchesOnlyTheContractThePlatformAnd(desk,
                "com.example.orders.fixture.tools..").check(CLASSES)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ArchitectureRules.touchesOnlyTheContractAndThePlatform(desk).check(CLASSES))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Redriving");
        assertThatCode(() -> ArchitectureRules.touchesOnlyTheContract("com.example.orders.fixture.tools..")
                .check(CLASSES)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ArchitectureRules.touchesOnlyTheContract("com.example.orders.fixture.tattler..")
                .check(CLASSES)).isInstanceOf(AssertionError.class).hasMessageContaining("Basket");
    }

    @Test
    void aRuleThatMatchesNoClassFailsInsteadOfPassing() {
        String renamed = "com.example.orders.fixture.renamed";
        assertThatThrownBy(() -> ArchitectureRules.layered(renamed, Set.of()).check(CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("is empty");
        assertThatThrownBy(() -> ArchitectureRules.useCasesStayOffTheWire(renamed).check(CLASSES))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ArchitectureRules.touchesOnlyTheContractAndThePlatform(renamed).check(CLASSES))
                .isInstanceOf(AssertionError.class);
    }
}

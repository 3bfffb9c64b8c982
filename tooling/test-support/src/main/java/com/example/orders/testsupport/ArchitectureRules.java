package com.example.orders.testsupport;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture every service keeps (docs/architecture.md), as rules the build checks: each service's
 * {@code *ArchitectureTest} calls {@link #assertServiceArchitecture}. Each rule fails when it matches no class
 * ({@code allowEmptyShould(false)}, layers that must not be empty), so a renamed package cannot silently turn a rule
 * off.
 */
public final class ArchitectureRules {

    /** The suite's own code. */
    static final String SUITE = "com.example.orders..";
    /** The wire contracts: records, envelope, serde, topics. */
    static final String CONTRACT = "com.example.orders.events..";
    /** What every service runs on. */
    static final String PLATFORM = "com.example.orders.platform..";
    /** What operators do to the suite's topics (dead letters, replays): ./suite's, and the console's. */
    static final String OPERATIONS = "com.example.orders.operations..";

    /** The domain is plain Java: no framework, persistence, messaging or wire-contract types. */
    public static ArchRule domainIsPlainJava(String servicePackage) {
        return noClasses().that()
                .resideInAPackage(servicePackage + ".domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.quarkus..", "jakarta..", "javax..", "org.hibernate..", "org.apache.kafka..",
                        "io.smallrye..", "io.vertx..", "io.micrometer..", "org.eclipse.microprofile..",
                        "com.fasterxml..", CONTRACT, PLATFORM, servicePackage + ".infrastructure..",
                        servicePackage + ".api..", servicePackage + ".application..")
                .allowEmptyShould(false)
                .because("the domain states the business rules; frameworks and wire formats stay at the edges");
    }

    /** A layer a service may lack, saying why (payment has no HTTP API; analytics no domain, see OrderFacts). */
    public enum Absent {
        API, DOMAIN
    }

    /**
     * {@code api} → {@code application} → {@code domain}, and {@code infrastructure} implements the application's
     * ports: nothing depends on {@code infrastructure}, and nothing but the HTTP runtime calls {@code api}. Every layer
     * must hold a class, but those named in {@code absent}.
     */
    public static ArchRule layered(String servicePackage, Set<Absent> absent) {
        var layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("application").definedBy(servicePackage + ".application..")
                .layer("infrastructure").definedBy(servicePackage + ".infrastructure..");
        layers = absent.contains(Absent.API)
                ? layers.optionalLayer("api").definedBy(servicePackage + ".api..")
                : layers.layer("api").definedBy(servicePackage + ".api..");
        layers = absent.contains(Absent.DOMAIN)
                ? layers.optionalLayer("domain").definedBy(servicePackage + ".domain..")
                : layers.layer("domain").definedBy(servicePackage + ".domain..");
        return layers
                .whereLayer("api").mayNotBeAccessedByAnyLayer()
                .whereLayer("application").mayOnlyBeAccessedByLayers("api", "infrastructure")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("api", "application", "infrastructure")
                .whereLayer("infrastructure").mayNotBeAccessedByAnyLayer()
                .because("use cases depend on ports that infrastructure implements (docs/architecture.md)");
    }

    /**
     * The wire stops at the messaging edge: use cases and the domain see contract records and envelopes only as what
     * {@code infrastructure/messaging} maps them to (domain values, a {@code Cause}), and reach the outbox, the inbox,
     * the database and Kafka only through their ports.
     */
    public static ArchRule useCasesStayOffTheWire(String servicePackage) {
        return noClasses().that()
                .resideInAnyPackage(servicePackage + ".application..", servicePackage + ".domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(CONTRACT, "com.example.orders.platform.outbox..",
                        "com.example.orders.platform.messaging..", "com.example.orders.platform.inbox..",
                        "com.example.orders.platform.persistence..", "com.example.orders.platform.replay..",
                        "org.hibernate..", "io.quarkus.hibernate..", "org.apache.kafka..", "io.vertx..",
                        "org.eclipse.microprofile.reactive.messaging..")
                .allowEmptyShould(false)
                .because("contract records and envelopes stop at infrastructure/messaging");
    }

    /**
     * A service touches only its own code, {@code shared-events} and {@code service-platform}: never another service,
     * nor the tooling (stand-ins, local infrastructure, tests' support).
     */
    public static ArchRule touchesOnlyTheContractAndThePlatform(String servicePackage) {
        return touchesOnly(servicePackage, CONTRACT, PLATFORM);
    }

    private static ArchRule touchesOnly(String servicePackage, String... allowed) {
        List<String> packages = new java.util.ArrayList<>(List.of(allowed));
        packages.add(servicePackage + "..");
        return noClasses().that()
                .resideInAPackage(servicePackage + "..")
                .should()
                .dependOnClassesThat(resideInAPackage(SUITE)
                        .and(not(resideInAnyPackage(packages.toArray(String[]::new)))))
                .allowEmptyShould(false)
                .because("services talk to each other only through versioned Kafka topics");
    }

    /** Operations (dead letters, replays) work on the topics and the services' admin calls: they know no service. */
    public static ArchRule operationsTouchOnlyTheContract() {
        return touchesOnlyTheContract(OPERATIONS);
    }

    /** The module in {@code modulePackage} (e.g. {@code com.example.orders.operations..}) uses only the contract. */
    static ArchRule touchesOnlyTheContract(String modulePackage) {
        return noClasses().that()
                .resideInAPackage(modulePackage)
                .should()
                .dependOnClassesThat(resideInAPackage(SUITE).and(not(resideInAnyPackage(CONTRACT, modulePackage))))
                .allowEmptyShould(false)
                .because("./suite and the console share operations, and neither may reach into a service");
    }

    /** As {@link #touchesOnlyTheContractAndThePlatform}, with more modules the service may use (the console's). */
    static ArchRule touchesOnlyTheContractThePlatformAnd(String servicePackage, String... modules) {
        List<String> allowed = new java.util.ArrayList<>(List.of(CONTRACT, PLATFORM));
        allowed.addAll(List.of(modules));
        return touchesOnly(servicePackage, allowed.toArray(String[]::new));
    }

    /** Nothing touches a service: the platform depends only on itself and the contract. */
    public static ArchRule thePlatformTouchesNoService() {
        return noClasses().that()
                .resideInAPackage(PLATFORM)
                .should()
                .dependOnClassesThat(resideInAPackage(SUITE).and(not(resideInAnyPackage(CONTRACT, PLATFORM))))
                .allowEmptyShould(false)
                .because("service-platform is used by every service and knows none of them");
    }

    /** The contract is wire types only: it depends on nothing else of the suite. */
    public static ArchRule theContractTouchesNothingElse() {
        return noClasses().that()
                .resideInAPackage(CONTRACT)
                .should()
                .dependOnClassesThat(resideInAPackage(SUITE).and(not(resideInAPackage(CONTRACT))))
                .allowEmptyShould(false)
                .because("shared-events is the wire contract every service and new team builds on");
    }

    /** Checks every rule above against the production classes of the service and of the modules it uses. */
    public static void assertServiceArchitecture(String servicePackage, Absent... absent) {
        check(servicePackage, touchesOnlyTheContractAndThePlatform(servicePackage), absent);
    }

    /**
     * As {@link #assertServiceArchitecture}, for the operators' console, which also uses the operations ./suite does (a
     * dead letter's redrive, a replay) rather than a second copy of them.
     */
    public static void assertOperatorServiceArchitecture(String servicePackage, Absent... absent) {
        check(servicePackage, touchesOnlyTheContractThePlatformAnd(servicePackage, OPERATIONS), absent);
    }

    private static void check(String servicePackage, ArchRule boundaries, Absent... absent) {
        Set<Absent> lacking = absent.length == 0 ? EnumSet.noneOf(Absent.class) : EnumSet.copyOf(List.of(absent));
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage, "com.example.orders.platform", "com.example.orders.events",
                        "com.example.orders.operations");
        if (!lacking.contains(Absent.DOMAIN)) {
            domainIsPlainJava(servicePackage).check(production);
        }
        layered(servicePackage, lacking).check(production);
        useCasesStayOffTheWire(servicePackage).check(production);
        boundaries.check(production);
        thePlatformTouchesNoService().check(production);
        theContractTouchesNothingElse().check(production);
        operationsTouchOnlyTheContract().check(production);
    }

    private ArchitectureRules() {
    }
}

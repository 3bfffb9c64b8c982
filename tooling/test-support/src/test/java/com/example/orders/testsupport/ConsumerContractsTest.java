package com.example.orders.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.example.orders.events.ConsumerCatalogue;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * The catalogue check every service's architecture test runs, tried on a fixture consumer ({@code fixture.loyal}) that
 * consumes OrderConfirmed (order id, total amount) and OrderCancelled (order id), against catalogues that say so and
 * catalogues that do not.
 */
class ConsumerContractsTest {

    private static final String LOYAL = "com.example.orders.fixture.loyal";
    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(LOYAL);

    @Test
    void aConsumerThatReadsWhatItsEntrySaysPasses() throws IOException {
        assertThat(violations("""
                - topic: orders.order-confirmed.v1
                  fields: [orderId, total.amount]
                - topic: orders.order-cancelled.v1
                  fields: [orderId]
                """)).isEmpty();
    }

    @Test
    void aFieldNamedByItsParentCoversTheReadsBelowIt() throws IOException {
        assertThat(violations("""
                - topic: orders.order-confirmed.v1
                  fields: [orderId, total]
                - topic: orders.order-cancelled.v1
                  fields: [orderId, reason]
                """)).isEmpty();
    }

    @Test
    void aConsumerOfATopicItsEntryDoesNotListFails() throws IOException {
        assertThat(violations("""
                - topic: orders.order-confirmed.v1
                  fields: [orderId, total.amount]
                """)).containsExactly("ConsumedEvents.onOrderCancelled consumes orders.order-cancelled.v1, which "
                + "consumers.yaml does not list for loyalty-service");
    }

    @Test
    void anEntryListingATopicTheServiceDoesNotConsumeFails() throws IOException {
        assertThat(violations("""
                - topic: orders.order-confirmed.v1
                  fields: [orderId, total.amount]
                - topic: orders.order-cancelled.v1
                  fields: [orderId]
                - topic: payments.payment-captured.v1
                  fields: [orderId]
                """)).containsExactly("consumers.yaml lists payments.payment-captured.v1 for loyalty-service, which "
                + "has no @Incoming channel for it");
    }

    @Test
    void aReadOfAFieldTheEntryDoesNotDeclareFailsNamingTheFieldAndTheTopic() throws IOException {
        assertThat(violations("""
                - topic: orders.order-confirmed.v1
                  fields: [orderId]
                - topic: orders.order-cancelled.v1
                  fields: [orderId]
                """))
                .anySatisfy(problem -> assertThat(problem).startsWith("ConsumedEvents (line ")
                        .contains("reads OrderConfirmedV1.total(), a field of orders.order-confirmed.v1 (total)"))
                .anySatisfy(problem -> assertThat(problem)
                        .contains("reads Money.amount(), a field of orders.order-confirmed.v1 (total.amount)"))
                .allSatisfy(problem -> assertThat(problem)
                        .endsWith("that consumers.yaml does not list among the fields loyalty-service relies on"));
    }

    @Test
    void aConsumerWithoutAnEntryFails() {
        assertThat(ConsumerContracts.violations(new ConsumerCatalogue(List.of()), "loyalty-service", LOYAL, CLASSES,
                Set.of("loyalty-service")))
                .singleElement().satisfies(problem -> assertThat(problem)
                        .startsWith("loyalty-service consumes [orders.order-cancelled.v1, orders.order-confirmed.v1] "
                                + "but has no entry in consumers.yaml"));
    }

    @Test
    void aConsumerInAnotherGroupThanItsEntrySaysFails() throws IOException {
        assertThat(ConsumerContracts.violations(catalogue("""
                - topic: orders.order-confirmed.v1
                  fields: [orderId, total.amount]
                - topic: orders.order-cancelled.v1
                  fields: [orderId]
                """), "loyalty-service", LOYAL, CLASSES, Set.of("points")))
                .containsExactly("loyalty-service consumes in group points, but consumers.yaml says loyalty-service");
    }

    @Test
    void theGroupIsTheApplicationsNameUnlessAGroupIdIsSet() {
        Properties named = new Properties();
        named.setProperty("quarkus.application.name", "loyalty-service");
        Properties grouped = new Properties();
        grouped.putAll(named);
        grouped.setProperty("mp.messaging.incoming.orders.order-confirmed.v1.group.id", "points");

        assertThat(ConsumerContracts.consumerGroups(named, "x")).containsExactly("loyalty-service");
        assertThat(ConsumerContracts.consumerGroups(grouped, "x")).containsExactly("points");
    }

    @Test
    void aPackageWithoutClassesFailsRatherThanPassingUnchecked() throws IOException {
        assertThat(ConsumerContracts.violations(catalogue("[]"), "loyalty-service", "com.example.orders.nothing",
                CLASSES, Set.of("loyalty-service")))
                .containsExactly("no classes found under com.example.orders.nothing to hold to consumers.yaml");
    }

    private static List<String> violations(String reads) throws IOException {
        return ConsumerContracts.violations(catalogue(reads), "loyalty-service", LOYAL, CLASSES,
                Set.of("loyalty-service"));
    }

    private static ConsumerCatalogue catalogue(String reads) throws IOException {
        String yaml = "consumers:\n  - service: loyalty-service\n    group: loyalty-service\n    reads:\n"
                + reads.indent(6);
        return ConsumerCatalogue.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}

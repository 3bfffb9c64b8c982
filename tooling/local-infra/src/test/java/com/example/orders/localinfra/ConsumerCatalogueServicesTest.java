package com.example.orders.localinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.example.orders.events.ConsumerCatalogue;

/**
 * The catalogue's consumers are the suite's services: each service's architecture test holds the service to its entry
 * (ConsumerContracts), and this holds the entries to the services, so an entry left behind by a removed or renamed
 * service fails too.
 */
class ConsumerCatalogueServicesTest {

    @Test
    void everyCataloguedConsumerIsAServiceOfTheSuiteConsumingInItsOwnGroup() {
        ConsumerCatalogue catalogue = ConsumerCatalogue.load();

        assertThat(catalogue.consumers()).allSatisfy(consumer -> {
            assertThat(Arrays.stream(SuiteService.values()).map(SuiteService::serviceName))
                    .as("the services ./suite up starts").contains(consumer.service());
            assertThat(consumer.group()).as("%s's consumer group", consumer.service()).isEqualTo(consumer.service());
        });
        assertThat(catalogue.consumers()).extracting(ConsumerCatalogue.Consumer::service)
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(SuiteService.values()).map(SuiteService::serviceName).toList());
    }
}

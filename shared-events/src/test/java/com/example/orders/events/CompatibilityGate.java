package com.example.orders.events;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.example.orders.events.ConsumerCatalogue.Consumer;
import com.example.orders.events.SchemaCompatibility.Break;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The schema gate, aware of who reads what: a new revision of a topic's schema is held against its released revision
 * ({@link SchemaCompatibility}), and each breaking difference is told with the catalogued consumers it breaks, by name,
 * group and the field they rely on ({@link ConsumerCatalogue}). A difference no catalogued consumer relies on still
 * refuses the change: readers outside the catalogue, and the records already on the topic, cannot be asked. So only an
 * added optional field passes; a breaking change is a new {@code .v<n+1>} topic (docs/adding-a-consumer.md).
 */
final class CompatibilityGate {

    private final ConsumerCatalogue catalogue;

    CompatibilityGate(ConsumerCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Why the topic's new revision is refused, one line per breaking difference; empty when it may ship. */
    List<String> refusals(String topic, JsonNode released, JsonNode next) {
        List<String> refusals = new ArrayList<>();
        for (Break change : SchemaCompatibility.breakingChanges(released, next)) {
            List<String> broken = new ArrayList<>();
            for (Consumer consumer : catalogue.consumersOf(topic)) {
                consumer.fieldsOf(topic).stream()
                        .filter(field -> ConsumerCatalogue.overlapping("$." + field, change.path()))
                        .findFirst()
                        .ifPresent(field -> broken.add(consumer.service() + " (group " + consumer.group()
                                + ", relies on " + field + ")"));
            }
            refusals.add(topic + " " + change + ": "
                    + (broken.isEmpty()
                            ? "no catalogued consumer relies on it, but readers outside the catalogue and records "
                                    + "already on the topic would break"
                            : "breaks " + String.join(", ", broken))
                    + "; publish it as a new topic version beside this one");
        }
        return refusals;
    }

    /**
     * Catalogued fields the schema does not declare: a consumer cannot rely on a field the topic does not carry.
     */
    List<String> undeclaredFields(String topic, JsonNode schema) {
        return catalogue.consumersOf(topic).stream()
                .flatMap(consumer -> consumer.fieldsOf(topic).stream()
                        .filter(field -> !SchemaCompatibility.declares(schema, field))
                        .map(field -> consumer.service() + " relies on " + field + " of " + topic
                                + ", which its schema does not declare"))
                .collect(Collectors.toList());
    }
}

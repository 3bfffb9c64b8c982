package com.example.orders.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every published schema is held against its last released revision in {@code schema-baseline/}. To release a
 * compatible change, edit the schema and, once it ships, copy it over its baseline.
 */
class SchemaCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void publishedSchemaKeepsReadersOfItsReleasedRevisionWorking(EventType type) throws IOException {
        JsonNode released = read("/schema-baseline/" + type.topic() + ".json");
        JsonNode published = read(type.schemaResource());

        assertThat(SchemaCompatibility.breakingChanges(released, published)).isEmpty();
    }

    @Test
    void failsOnADeliberatelyBreakingRevision() throws IOException {
        JsonNode released = read("/schema-baseline/orders.order-created.v1.json");
        JsonNode breaking = read("/compatibility-fixtures/orders.order-created.breaking.json");

        assertThat(SchemaCompatibility.breakingChanges(released, breaking))
                .anySatisfy(p -> assertThat(p).startsWith("$.paymentToken: no longer required"))
                .anySatisfy(p -> assertThat(p).startsWith("$.currency: became required"))
                .anySatisfy(p -> assertThat(p).startsWith("$.items[].quantity: type changed"))
                .anySatisfy(p -> assertThat(p).startsWith("$.customerEmail: removed"));
    }

    @Test
    void acceptsAnAddedOptionalField() throws IOException {
        JsonNode released = read("/schema-baseline/orders.order-created.v1.json");
        JsonNode compatible = read("/compatibility-fixtures/orders.order-created.compatible.json");

        assertThat(SchemaCompatibility.breakingChanges(released, compatible)).isEmpty();
    }

    @Test
    void refusesANewEnumValueBecauseOldReadersWouldRejectIt() throws IOException {
        JsonNode released = read("/schema-baseline/orders.order-cancelled.v1.json");
        ObjectNode widened = released.deepCopy();
        ((ArrayNode) widened.at("/properties/reason/enum")).add("LOST_IN_TRANSIT");

        assertThat(SchemaCompatibility.breakingChanges(released, widened))
                .singleElement()
                .satisfies(p -> assertThat(p).startsWith("$.reason: enum changed"));
    }

    @Test
    void refusesATightenedConstraintInsideASharedDefinition() throws IOException {
        JsonNode released = read("/schema-baseline/payments.payment-captured.v1.json");
        ObjectNode tightened = released.deepCopy();
        ((ObjectNode) tightened.at("/$defs/Money/properties/currency")).put("pattern", "^EUR$");

        assertThat(SchemaCompatibility.breakingChanges(released, tightened))
                .singleElement()
                .satisfies(p -> assertThat(p).startsWith("$.amount.currency: constraint 'pattern' changed"));
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = SchemaCompatibilityTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        }
    }
}

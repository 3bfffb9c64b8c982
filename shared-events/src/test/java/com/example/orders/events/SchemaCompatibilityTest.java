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
 * The compatibility gate: every published schema is held against its last released revision in
 * {@code schema-baseline/}, and a breaking difference is refused naming the catalogued consumers it would break
 * ({@link CompatibilityGate}, {@code consumers.yaml}). To release a compatible change, edit the schema and, once it
 * ships, copy it over its baseline.
 */
class SchemaCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CompatibilityGate GATE = new CompatibilityGate(ConsumerCatalogue.load());

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void publishedSchemaKeepsEveryCataloguedConsumerAndReaderOfItsReleasedRevisionWorking(EventType type)
            throws IOException {
        JsonNode released = read("/schema-baseline/" + type.topic() + ".json");
        JsonNode published = read(type.schemaResource());

        assertThat(GATE.refusals(type.topic(), released, published)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void everyFieldACataloguedConsumerReliesOnIsInThePublishedSchema(EventType type) throws IOException {
        assertThat(GATE.undeclaredFields(type.topic(), read(type.schemaResource()))).isEmpty();
    }

    @Test
    void refusesADeliberatelyBreakingRevisionNamingTheConsumersItWouldBreak() throws IOException {
        JsonNode released = read("/schema-baseline/orders.order-created.v1.json");
        JsonNode breaking = read("/compatibility-fixtures/orders.order-created.breaking.json");

        assertThat(GATE.refusals(Topics.ORDER_CREATED_V1, released, breaking))
                .anySatisfy(refusal -> assertThat(refusal)
                        .startsWith("orders.order-created.v1 $.paymentToken: no longer required")
                        .contains("breaks payment-service (group payment-service, relies on paymentToken)")
                        .doesNotContain("inventory-service"))
                .anySatisfy(refusal -> assertThat(refusal)
                        .startsWith("orders.order-created.v1 $.items[].quantity: type changed")
                        .contains("inventory-service (group inventory-service, relies on items[].quantity)",
                                "analytics-service (group analytics-service, relies on items[].quantity)")
                        .doesNotContain("payment-service"))
                // nobody in the catalogue reads these, and still: records already written, readers outside it
                .anySatisfy(refusal -> assertThat(refusal)
                        .startsWith("orders.order-created.v1 $.currency: became required")
                        .contains("no catalogued consumer relies on it"))
                .anySatisfy(refusal -> assertThat(refusal)
                        .startsWith("orders.order-created.v1 $.customerEmail: removed")
                        .contains("no catalogued consumer relies on it"))
                .allSatisfy(
                        refusal -> assertThat(refusal).endsWith("publish it as a new topic version beside this one"));
    }

    @Test
    void refusesAChangeInsideAnObjectToTheConsumersOfTheWholeObjectAndOfTheChangedField() throws IOException {
        JsonNode released = read("/schema-baseline/inventory.stock-reserved.v1.json");
        ObjectNode changed = released.deepCopy();
        ((ObjectNode) changed.at("/$defs/Money/properties/amount")).put("type", "number");

        assertThat(GATE.refusals(Topics.STOCK_RESERVED_V1, released, changed))
                .anySatisfy(refusal -> assertThat(refusal).startsWith("inventory.stock-reserved.v1 $.total.amount")
                        .contains("order-service (group order-service, relies on total.amount)",
                                "payment-service (group payment-service, relies on total.amount)"))
                .anySatisfy(refusal -> assertThat(refusal)
                        .startsWith("inventory.stock-reserved.v1 $.lines[].unitPrice.amount")
                        .contains("order-service (group order-service, relies on lines[].unitPrice.amount)")
                        .doesNotContain("payment-service"));
    }

    @Test
    void acceptsAnAddedOptionalField() throws IOException {
        JsonNode released = read("/schema-baseline/orders.order-created.v1.json");
        JsonNode compatible = read("/compatibility-fixtures/orders.order-created.compatible.json");

        assertThat(GATE.refusals(Topics.ORDER_CREATED_V1, released, compatible)).isEmpty();
    }

    @Test
    void findsAFieldACatalogueEntryReliesOnThatTheSchemaDoesNotCarry() throws IOException {
        ConsumerCatalogue catalogue = ConsumerCatalogue.read(new java.io.ByteArrayInputStream("""
                consumers:
                  - service: loyalty-service
                    group: loyalty-service
                    reads:
                      - topic: orders.order-confirmed.v1
                        fields: [orderId, total.amount, total.points, "lines[].sku"]
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(new CompatibilityGate(catalogue).undeclaredFields(Topics.ORDER_CONFIRMED_V1,
                read("/schemas/orders.order-confirmed.v1.json")))
                .containsExactly(
                        "loyalty-service relies on total.points of orders.order-confirmed.v1, which its schema does "
                                + "not declare",
                        "loyalty-service relies on lines[].sku of orders.order-confirmed.v1, which its schema does "
                                + "not declare");
    }

    @Test
    void refusesANewEnumValueBecauseOldReadersWouldRejectIt() throws IOException {
        JsonNode released = read("/schema-baseline/orders.order-cancelled.v1.json");
        ObjectNode widened = released.deepCopy();
        ((ArrayNode) widened.at("/properties/reason/enum")).add("LOST_IN_TRANSIT");

        assertThat(SchemaCompatibility.breakingChanges(released, widened))
                .singleElement()
                .satisfies(p -> assertThat(p.toString()).startsWith("$.reason: enum changed"));
    }

    @Test
    void refusesATightenedConstraintInsideASharedDefinition() throws IOException {
        JsonNode released = read("/schema-baseline/payments.payment-captured.v1.json");
        ObjectNode tightened = released.deepCopy();
        ((ObjectNode) tightened.at("/$defs/Money/properties/currency")).put("pattern", "^EUR$");

        assertThat(SchemaCompatibility.breakingChanges(released, tightened))
                .singleElement()
                .satisfies(p -> assertThat(p.toString()).startsWith("$.amount.currency: constraint 'pattern' changed"));
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = SchemaCompatibilityTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        }
    }
}

package com.example.orders.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.example.orders.events.v1.OrderCreatedV1;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

class EventSerdeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> everyEvent() {
        return Events.oneOfEach().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    void hasAnExampleOfEveryEventOfTheContract() {
        assertThat(Events.oneOfEach().keySet()).containsExactlyInAnyOrder(EventType.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEvent")
    void roundTripsEveryEventUnchanged(EventType type, Record event) {
        byte[] json = EventSerde.serialize(event);

        assertThat(EventSerde.deserialize(json, type)).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEvent")
    void writesEveryEventValidAgainstItsTopicSchema(EventType type, Record event) throws IOException {
        Set<ValidationMessage> problems = schemaOf(type).validate(JSON.readTree(EventSerde.serialize(event)));

        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EventType.class)
    void schemaRejectsAPayloadWithoutItsRequiredFields(EventType type) throws IOException {
        Set<ValidationMessage> problems = schemaOf(type).validate(JSON.readTree("{}"));

        assertThat(problems).isNotEmpty();
    }

    @Test
    void writesMoneyAsADecimalStringAndTimeAsIso8601() throws IOException {
        JsonNode json = JSON.readTree(EventSerde.serialize(Events.oneOfEach().get(EventType.PAYMENT_CAPTURED)));

        assertThat(json.at("/amount/amount").isTextual()).isTrue();
        assertThat(json.at("/amount/amount").asText()).isEqualTo("19.98");
        assertThat(json.get("capturedAt").asText()).isEqualTo("2026-11-23T10:15:30.123Z");
    }

    @Test
    void ignoresFieldsItDoesNotKnowSoProducersCanAddOptionalFields() throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(EventSerde.serialize(Events.anOrderCreated()));
        json.put("giftWrap", true);

        OrderCreatedV1 read = EventSerde.deserialize(JSON.writeValueAsBytes(json), OrderCreatedV1.class);

        assertThat(read).isEqualTo(Events.anOrderCreated());
    }

    @Test
    void rejectsAPayloadWithoutARequiredFieldNamingTheField() throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(EventSerde.serialize(Events.anOrderCreated()));
        json.remove("orderId");

        assertThatThrownBy(() -> EventSerde.deserialize(JSON.writeValueAsBytes(json), OrderCreatedV1.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("orderId");
    }

    @Test
    void rejectsAnUnknownEnumValue() {
        byte[] json = """
                {"orderId":"o-1","customerId":"c-1","reason":"BORED","cancelledAt":"2026-11-23T10:15:30Z"}"""
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EventSerde.deserialize(json, EventType.ORDER_CANCELLED))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("BORED");
    }

    @Test
    void rejectsBytesThatAreNotJson() {
        byte[] garbage = "\u0000\u0001not json".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EventSerde.deserialize(garbage, EventType.ORDER_CREATED))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("OrderCreatedV1");
    }

    @Test
    void rejectsAnEmptyPayload() {
        assertThatThrownBy(() -> EventSerde.deserialize(new byte[0], EventType.ORDER_CREATED))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void publishesOneSchemaPerTopicAndNoOther() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::topic)).doesNotHaveDuplicates();
        for (EventType type : EventType.values()) {
            assertThat(EventType.class.getResource(type.schemaResource())).as(type.schemaResource()).isNotNull();
        }
    }

    static JsonSchema schemaOf(EventType type) throws IOException {
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }
}

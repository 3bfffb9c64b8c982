package com.example.orders.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

class AsyncApiDocumentTest {

    private static JsonNode asyncApi;

    @BeforeAll
    static void readDocument() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi.yaml")) {
            asyncApi = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @Test
    void isAnAsyncApi3Document() {
        assertThat(asyncApi.path("asyncapi").asText()).isEqualTo("3.0.0");
    }

    @Test
    void listsEveryTopicOfTheContractAndNoOther() {
        List<String> addresses = new ArrayList<>();
        asyncApi.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));

        assertThat(addresses).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(EventType.values()).map(EventType::topic).toList());
    }

    @Test
    void pointsEveryTopicAtItsPublishedSchemaAndCeType() {
        for (EventType type : EventType.values()) {
            JsonNode message = messageOf(type);

            assertThat(message.path("name").asText()).as(type.topic()).isEqualTo(type.ceType());
            String schemaRef = message.at("/payload/schema/$ref").asText();
            assertThat(schemaRef).as(type.topic()).isEqualTo("./schemas/" + type.topic() + ".json");
            assertThat(EventType.class.getResource(type.schemaResource())).as(schemaRef).isNotNull();
        }
    }

    @Test
    void documentsEveryRequiredCloudEventHeader() {
        JsonNode required = asyncApi.at("/components/messageTraits/CloudEvent/headers/required");

        assertThat(required).extracting(JsonNode::asText).contains(CloudEventHeaders.SPEC_VERSION,
                CloudEventHeaders.ID, CloudEventHeaders.SOURCE, CloudEventHeaders.TYPE, CloudEventHeaders.TIME,
                CloudEventHeaders.SUBJECT, CloudEventHeaders.CORRELATION_ID, CloudEventHeaders.CONTENT_TYPE);
    }

    /**
     * The document's consumers are the catalogue's: one receive operation per topic a catalogued consumer reads, in its
     * group, relying on the fields the catalogue lists. On a difference, the message prints the operations the
     * catalogue asks for, to paste.
     */
    @Test
    void listsExactlyTheCataloguedConsumersAsReceiveOperations() {
        Map<String, String> expected = new TreeMap<>();
        for (ConsumerCatalogue.Consumer consumer : ConsumerCatalogue.load().consumers()) {
            consumer.reads().forEach((topic, fields) -> {
                String channel = topic.replace('.', '-');
                expected.put(consumer.service() + "-receives-" + channel, receiveOperation(consumer.service(),
                        consumer.group(), channel, fields));
            });
        }
        Map<String, String> actual = new TreeMap<>();
        asyncApi.path("operations").properties().forEach(operation -> {
            JsonNode body = operation.getValue();
            if (body.path("action").asText().equals("receive")) {
                List<String> fields = new ArrayList<>();
                body.path("x-relies-on").forEach(field -> fields.add(field.asText()));
                String service = operation.getKey().substring(0, Math.max(0, operation.getKey().indexOf("-receives-")));
                actual.put(operation.getKey(), receiveOperation(service, body.path("x-consumer-group").asText(),
                        body.at("/channel/$ref").asText().replace("#/channels/", ""), fields,
                        body.path("description").asText()));
            }
        });

        assertThat(actual).as("asyncapi.yaml's receive operations, against consumers.yaml; the catalogue asks for:%n%s",
                String.join("", expected.values())).isEqualTo(expected);
    }

    private static String receiveOperation(String service, String group, String channel, List<String> fields) {
        return receiveOperation(service, group, channel, fields, service + " reads it in consumer group " + group + ". "
                + (fields.isEmpty()
                        ? "Relies on no payload field: the fact itself is the news."
                        : "Relies on: " + String.join(", ", fields) + "."));
    }

    private static String receiveOperation(String service, String group, String channel, List<String> fields,
            String description) {
        return String.format("""
                  %s-receives-%s:
                    action: receive
                    description: "%s"
                    channel:
                      $ref: '#/channels/%s'
                    x-consumer-group: %s
                    x-relies-on: [%s]
                """, service, channel, description, channel, group,
                String.join(", ", fields.stream().map(field -> '"' + field + '"').toList()));
    }

    private static JsonNode messageOf(EventType type) {
        for (JsonNode channel : asyncApi.path("channels")) {
            if (channel.path("address").asText().equals(type.topic())) {
                String ref = channel.path("messages").elements().next().path("$ref").asText();
                return asyncApi.at(ref.substring(1));
            }
        }
        throw new AssertionError("no channel for " + type.topic());
    }
}

package com.example.orders.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

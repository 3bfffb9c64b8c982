package com.example.orders.events;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * JSON (de)serialization of event payloads, the same in every service.
 * <p>
 * Readers are tolerant: an unknown field is ignored, so a producer may add an optional field (a compatible change)
 * without breaking any consumer. A missing required field, a wrong type or an unknown enum value is a bad record and
 * fails with {@link InvalidEventException}.
 */
public final class EventSerde {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    public static byte[] serialize(Record payload) {
        try {
            return MAPPER.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize " + payload.getClass().getSimpleName(), e);
        }
    }

    public static <T extends Record> T deserialize(byte[] json, Class<T> payloadType) {
        if (json == null || json.length == 0) {
            throw new InvalidEventException("empty payload for " + payloadType.getSimpleName());
        }
        try {
            return MAPPER.readValue(json, payloadType);
        } catch (ValueInstantiationException e) {
            // the record's own constructor refused the values: its message names the field
            throw new InvalidEventException("payload is not a valid " + payloadType.getSimpleName() + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage()), e);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(
                    "payload is not a valid " + payloadType.getSimpleName() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Record deserialize(byte[] json, EventType type) {
        return deserialize(json, type.payloadType());
    }

    private EventSerde() {
    }
}

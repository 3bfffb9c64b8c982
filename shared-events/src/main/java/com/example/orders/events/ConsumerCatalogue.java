package com.example.orders.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Who reads which topic, in which consumer group, relying on which payload fields: {@code consumers.yaml} beside the
 * schemas. The build holds it against the services' real {@code @Incoming} channels and record accessors
 * ({@code ConsumerContracts} in test-support) and against every schema change ({@code SchemaCompatibilityTest}).
 */
public record ConsumerCatalogue(List<Consumer> consumers) {

    /** The resource the suite's own catalogue is read from. */
    public static final String RESOURCE = "/consumers.yaml";

    /**
     * One consuming service.
     *
     * @param reads
     *            per topic (in the catalogue's order), the payload fields the consumer relies on, as JSON property
     *            paths ({@code total.amount}, {@code items[].sku}); a path stands for the whole subtree under it
     */
    public record Consumer(String service, String group, Map<String, List<String>> reads) {

        public Consumer {
            reads = Collections.unmodifiableMap(new LinkedHashMap<>(reads));
        }

        public boolean reads(String topic) {
            return reads.containsKey(topic);
        }

        /** The fields the consumer relies on in the topic's payload; empty when it does not read the topic. */
        public List<String> fieldsOf(String topic) {
            return reads.getOrDefault(topic, List.of());
        }
    }

    public ConsumerCatalogue {
        consumers = List.copyOf(consumers);
    }

    /** The suite's catalogue, from the classpath. */
    public static ConsumerCatalogue load() {
        try (InputStream in = ConsumerCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a catalogue in the format of {@code consumers.yaml}.
     *
     * @throws IllegalArgumentException
     *             naming what is wrong: a service listed twice, an entry without a service, group or topic, a topic
     *             listed twice for one consumer
     */
    public static ConsumerCatalogue read(InputStream yaml) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        List<Consumer> consumers = new ArrayList<>();
        Set<String> services = new HashSet<>();
        for (JsonNode entry : root.path("consumers")) {
            String service = required(entry, "service", "a consumer");
            if (!services.add(service)) {
                throw new IllegalArgumentException(service + " is listed twice");
            }
            String group = required(entry, "group", service);
            Map<String, List<String>> reads = new LinkedHashMap<>();
            for (JsonNode read : entry.path("reads")) {
                String topic = required(read, "topic", service + "'s reads");
                List<String> fields = new ArrayList<>();
                read.path("fields").forEach(field -> fields.add(field.asText()));
                if (reads.put(topic, List.copyOf(fields)) != null) {
                    throw new IllegalArgumentException(service + " lists " + topic + " twice");
                }
            }
            consumers.add(new Consumer(service, group, reads));
        }
        return new ConsumerCatalogue(consumers);
    }

    public Optional<Consumer> consumer(String service) {
        return consumers.stream().filter(consumer -> consumer.service().equals(service)).findFirst();
    }

    /** The consumers of a topic, in the catalogue's order. */
    public List<Consumer> consumersOf(String topic) {
        return consumers.stream().filter(consumer -> consumer.reads(topic)).toList();
    }

    /**
     * Whether two payload field paths touch: one lies within the other ({@code total} and {@code total.amount},
     * {@code items} and {@code items[].sku}) or they are the same. A consumer relying on one is affected by a change at
     * the other.
     */
    public static boolean overlapping(String path, String other) {
        return within(path, other) || within(other, path);
    }

    private static boolean within(String path, String ancestor) {
        return path.equals(ancestor) || path.startsWith(ancestor + ".") || path.startsWith(ancestor + "[]");
    }

    private static String required(JsonNode entry, String field, String where) {
        String value = entry.path(field).asText("");
        if (value.isBlank()) {
            throw new IllegalArgumentException(where + " has no " + field);
        }
        return value;
    }
}

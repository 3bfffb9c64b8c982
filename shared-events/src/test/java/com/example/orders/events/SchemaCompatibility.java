package com.example.orders.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Decides whether a new revision of a topic's JSON Schema keeps both kinds of reader working: consumers still on the
 * previous revision reading new records, and consumers on the new revision reading records already on the topic
 * (replays read old records for as long as the topic keeps them). Only additions of optional fields pass; anything else
 * is a breaking change and belongs on a new {@code .v<n+1>} topic.
 */
final class SchemaCompatibility {

    private static final List<String> CONSTRAINTS = List.of("minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "pattern", "format", "const",
            "multipleOf", "uniqueItems");

    /**
     * One breaking difference.
     *
     * @param path
     *            where, as a JSON path into the payload: {@code $.total.amount}, {@code $.items[].sku}, {@code $} for
     *            the payload itself
     */
    record Break(String path, String what) {

        @Override
        public String toString() {
            return path + ": " + what;
        }
    }

    /** The breaking differences between two revisions; empty when compatible. */
    static List<Break> breakingChanges(JsonNode previous, JsonNode next) {
        List<Break> problems = new ArrayList<>();
        compare("$", previous, previous, next, next, problems, new HashSet<>());
        return problems;
    }

    private static void compare(String path, JsonNode previousRoot, JsonNode previous, JsonNode nextRoot,
            JsonNode next, List<Break> problems, Set<String> visited) {
        previous = resolve(previousRoot, previous);
        next = resolve(nextRoot, next);
        if (!visited.add(path)) {
            return;
        }
        if (!Objects.equals(previous.get("type"), next.get("type"))) {
            problems.add(new Break(path, "type changed from " + previous.get("type") + " to " + next.get("type")));
            return;
        }
        Set<String> previousEnum = texts(previous.get("enum"));
        Set<String> nextEnum = texts(next.get("enum"));
        if (!previousEnum.equals(nextEnum)) {
            problems.add(new Break(path, "enum changed from " + previousEnum + " to " + nextEnum
                    + " (a new value breaks old readers, a removed one breaks reading old records)"));
        }
        for (String constraint : CONSTRAINTS) {
            if (!Objects.equals(previous.get(constraint), next.get(constraint))) {
                problems.add(new Break(path, "constraint '" + constraint + "' changed from "
                        + previous.get(constraint) + " to " + next.get(constraint)));
            }
        }
        compareObjects(path, previousRoot, previous, nextRoot, next, problems, visited);
        if (previous.has("items") || next.has("items")) {
            if (!previous.has("items") || !next.has("items")) {
                problems.add(new Break(path + "[]", "item schema added or removed"));
            } else {
                compare(path + "[]", previousRoot, previous.get("items"), nextRoot, next.get("items"), problems,
                        visited);
            }
        }
    }

    private static void compareObjects(String path, JsonNode previousRoot, JsonNode previous, JsonNode nextRoot,
            JsonNode next, List<Break> problems, Set<String> visited) {
        Set<String> previousRequired = texts(previous.get("required"));
        Set<String> nextRequired = texts(next.get("required"));
        for (String field : nextRequired) {
            if (!previousRequired.contains(field)) {
                problems.add(new Break(path + "." + field, "became required; records already written without it "
                        + "break readers of the new revision"));
            }
        }
        for (String field : previousRequired) {
            if (!nextRequired.contains(field)) {
                problems.add(new Break(path + "." + field,
                        "no longer required; readers of the previous revision rely on it"));
            }
        }
        JsonNode previousProperties = previous.path("properties");
        JsonNode nextProperties = next.path("properties");
        for (Iterator<String> names = previousProperties.fieldNames(); names.hasNext();) {
            String field = names.next();
            if (!nextProperties.has(field)) {
                problems.add(new Break(path + "." + field, "removed; its name could come back with another meaning"));
            } else {
                compare(path + "." + field, previousRoot, previousProperties.get(field), nextRoot,
                        nextProperties.get(field), problems, visited);
            }
        }
        boolean previousWasClosed = previous.path("additionalProperties").isBoolean()
                && !previous.get("additionalProperties").asBoolean();
        if (previousWasClosed) {
            for (Iterator<String> names = nextProperties.fieldNames(); names.hasNext();) {
                String field = names.next();
                if (!previousProperties.has(field)) {
                    problems.add(new Break(path + "." + field,
                            "added, but the previous revision forbids additional properties"));
                }
            }
        }
        if (!previousWasClosed && next.path("additionalProperties").isBoolean()
                && !next.get("additionalProperties").asBoolean()) {
            problems.add(new Break(path, "now forbids additional properties that the previous revision allowed"));
        }
    }

    /**
     * Whether a payload field path ({@code total.amount}, {@code items[].sku}) names a field the schema declares.
     */
    static boolean declares(JsonNode schema, String fieldPath) {
        JsonNode current = resolve(schema, schema);
        for (String step : fieldPath.split("\\.")) {
            boolean each = step.endsWith("[]");
            String name = each ? step.substring(0, step.length() - 2) : step;
            JsonNode property = current.path("properties").path(name);
            if (property.isMissingNode()) {
                return false;
            }
            current = resolve(schema, property);
            if (each) {
                if (!current.has("items")) {
                    return false;
                }
                current = resolve(schema, current.get("items"));
            }
        }
        return true;
    }

    private static JsonNode resolve(JsonNode root, JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; current.has("$ref"); depth++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#") || depth > 32) {
                throw new IllegalArgumentException("only local $refs are supported, found " + ref);
            }
            current = root.at(ref.substring(1));
            if (current.isMissingNode()) {
                throw new IllegalArgumentException("dangling $ref " + ref);
            }
        }
        return current;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new TreeSet<>();
        if (array != null) {
            array.forEach(value -> values.add(value.asText()));
        }
        return values;
    }

    private SchemaCompatibility() {
    }
}

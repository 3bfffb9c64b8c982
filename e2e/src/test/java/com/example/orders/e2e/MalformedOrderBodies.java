package com.example.orders.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Random bodies for {@code POST /api/orders}, each wrong by construction: it starts from a random valid order and
 * applies one defect from every class a client can get wrong (syntax, shape, types, limits, encoding). None of them may
 * be accepted, so any {@code 202} is a hole in the front door. The seed is part of every body's description, so a
 * failure can be replayed.
 */
final class MalformedOrderBodies {

    /** One generated request: what is wrong with it, its bytes, and the content type it is sent as. */
    record Body(String defect, byte[] bytes, String contentType) {

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Object> NOT_A_WHOLE_NUMBER = List.of("2", "two", 1.5, true, List.of(1), Map.of());
    private static final List<Object> NOT_A_STRING = List.of(7, 1.5, false, List.of("SKU-1"), Map.of("sku", "x"));
    private static final List<Object> NOT_A_LIST = List.of("SKU-1", 3, true, Map.of("sku", "SKU-1", "quantity", 1));
    private static final List<Object> QUANTITY_OUT_OF_RANGE = List.of(0, -1, 1001, Integer.MAX_VALUE,
            Integer.MIN_VALUE, 1_000_000_000_000L);
    private static final List<String> NOT_A_SKU = List.of("", " ", "sku-1", "SKU 1", "-SKU", "SKU_1", "SKÜ-1",
            "S".repeat(65), "SKU-1\n", "'; drop table orders; --");
    private static final List<String> NOT_A_TOKEN = List.of("", " ", "t".repeat(65), "tok ok", "tok/ok", "tök",
            "<script>", "tok_ok\u0000");

    private final Random random;
    private final long seed;
    private final List<Function<Map<String, Object>, Body>> defects = List.of(
            this::truncated, this::garbage,
            order -> lineValue(order, "quantity", NOT_A_WHOLE_NUMBER, "quantity of another type"),
            order -> lineValue(order, "sku", NOT_A_STRING, "sku of another type"),
            order -> orderValue(order, "items", NOT_A_LIST, "items not a list"),
            order -> orderValue(order, "paymentToken", NOT_A_STRING, "paymentToken of another type"),
            this::missingField, this::nullField,
            order -> lineValue(order, "quantity", QUANTITY_OUT_OF_RANGE, "quantity out of range"),
            order -> lineValue(order, "sku", NOT_A_SKU, "sku of the wrong form"),
            order -> orderValue(order, "paymentToken", NOT_A_TOKEN, "paymentToken of the wrong form"),
            this::noLines, this::tooManyLines, this::unknownField, this::notAnObject, this::duplicateKey,
            this::trailingText,
            this::deepNesting, this::notUtf8, this::notJsonContentType, this::emptyBody, this::hugeNumber);

    MalformedOrderBodies(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    Body next() {
        return defects.get(random.nextInt(defects.size())).apply(validOrder());
    }

    long seed() {
        return seed;
    }

    private Map<String, Object> validOrder() {
        List<Object> items = new ArrayList<>();
        for (int i = 0, lines = 1 + random.nextInt(3); i < lines; i++) {
            items.add(line("SKU-" + random.nextInt(100), 1 + random.nextInt(1000)));
        }
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("items", items);
        order.put("paymentToken", pick(List.of("tok_ok", "tok_declined", "tok_slow")));
        return order;
    }

    private static Map<String, Object> line(String sku, Object quantity) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("sku", sku);
        line.put("quantity", quantity);
        return line;
    }

    private Body truncated(Map<String, Object> order) {
        String text = write(order);
        return json("truncated", text.substring(0, 1 + random.nextInt(text.length() - 1)));
    }

    private Body garbage(Map<String, Object> order) {
        StringBuilder text = new StringBuilder();
        for (int i = 0, length = 1 + random.nextInt(200); i < length; i++) {
            text.append((char) (0x20 + random.nextInt(0x5f)));
        }
        return json("garbage", text.toString());
    }

    /** The first line's {@code field} set to one of {@code values}, each wrong for it. */
    private Body lineValue(Map<String, Object> order, String field, List<?> values, String defect) {
        firstLine(order).put(field, pick(values));
        return json(defect, write(order));
    }

    /** The order's {@code field} set to one of {@code values}, each wrong for it. */
    private Body orderValue(Map<String, Object> order, String field, List<?> values, String defect) {
        order.put(field, pick(values));
        return json(defect, write(order));
    }

    private Body missingField(Map<String, Object> order) {
        switch (random.nextInt(3)) {
            case 0 -> order.remove("items");
            case 1 -> order.remove("paymentToken");
            default -> firstLine(order).remove(random.nextBoolean() ? "sku" : "quantity");
        }
        return json("a field missing", write(order));
    }

    @SuppressWarnings("unchecked")
    private Body nullField(Map<String, Object> order) {
        switch (random.nextInt(4)) {
            case 0 -> order.put("items", null);
            case 1 -> order.put("paymentToken", null);
            case 2 -> firstLine(order).put("sku", null);
            default -> ((List<Object>) order.get("items")).set(0, null);
        }
        return json("a null", write(order));
    }

    private Body noLines(Map<String, Object> order) {
        order.put("items", List.of());
        return json("no lines", write(order));
    }

    private Body tooManyLines(Map<String, Object> order) {
        List<Object> items = new ArrayList<>();
        for (int i = 0, lines = 51 + random.nextInt(50); i < lines; i++) {
            items.add(line("SKU-" + i, 1));
        }
        order.put("items", items);
        return json("more than 50 lines", write(order));
    }

    private Body unknownField(Map<String, Object> order) {
        if (random.nextBoolean()) {
            order.put(pick(List.of("customerId", "total", "status", "discount", "Items")), "x");
        } else {
            firstLine(order).put(pick(List.of("unitPrice", "price", "SKU", "qty")), 1);
        }
        return json("an unknown field", write(order));
    }

    private Body notAnObject(Map<String, Object> order) {
        return json("not an object", pick(List.of("[" + write(order) + "]", "\"order\"", "42", "null", "true",
                "[]")));
    }

    private Body duplicateKey(Map<String, Object> order) {
        String text = write(order);
        return json("a key twice", text.substring(0, text.length() - 1) + ",\"paymentToken\":\"tok_ok\"}");
    }

    private Body trailingText(Map<String, Object> order) {
        return json("text after the body", write(order) + pick(List.of(" {}", "x", ",", "]", " []", "}")));
    }

    private Body deepNesting(Map<String, Object> order) {
        int depth = 1_100 + random.nextInt(2_000);
        return json("nested " + depth + " deep", "{\"items\":" + "[".repeat(depth) + "]".repeat(depth)
                + ",\"paymentToken\":\"tok_ok\"}");
    }

    private Body notUtf8(Map<String, Object> order) {
        byte[] text = write(order).getBytes(StandardCharsets.UTF_8);
        int at = text.length / 2 + random.nextInt(text.length / 2 - 1);
        text[at] = (byte) (0x80 + random.nextInt(0x40)); // a continuation byte where no sequence started
        return new Body("not UTF-8 (seed " + seed + ")", text, "application/json");
    }

    private Body notJsonContentType(Map<String, Object> order) {
        return new Body("sent as text (seed " + seed + ")", write(order).getBytes(StandardCharsets.UTF_8),
                pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")));
    }

    private Body emptyBody(Map<String, Object> order) {
        return json("empty", pick(List.of("", " ", "\n")));
    }

    private Body hugeNumber(Map<String, Object> order) {
        String digits = "9".repeat(20 + random.nextInt(2_000));
        String text = write(order).replaceFirst("\"quantity\":\\d+", "\"quantity\":" + digits);
        return json("a number of " + digits.length() + " digits", text);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstLine(Map<String, Object> order) {
        return (Map<String, Object>) ((List<Object>) order.get("items")).get(0);
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private Body json(String defect, String text) {
        return new Body(defect + " (seed " + seed + ")", text.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private static String write(Map<String, Object> order) {
        try {
            return JSON.writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

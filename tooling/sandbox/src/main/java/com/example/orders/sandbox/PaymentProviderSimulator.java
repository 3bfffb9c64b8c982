package com.example.orders.sandbox;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the external payment provider, run as its own process by {@code ./suite up} and in-process by tests.
 * It behaves like a real card processor where payment-service relies on it:
 * <ul>
 * <li>{@code POST /v1/captures} with an {@code Idempotency-Key} header and {@code {"orderId","token","amount",
 * "currency"}}: {@code tok_ok} is captured (201 {@code {"captureId","status":"CAPTURED"}}), {@code tok_declined} is
 * declined (402 {@code {"status":"DECLINED","reason"}}), {@code tok_slow} is captured after 3 s; any other token is
 * declined. A repeated key gets the first answer again, and charges nothing more; a repeated key with another request
 * (other field values; the order of the fields does not count) gets 409.</li>
 * <li>{@code POST /v1/refunds} with an {@code Idempotency-Key} and {@code {"captureKey","amount","currency"}}, naming
 * the capture by the idempotency key that made it: 201 {@code {"refundId","captureId","status":"REFUNDED"}}, 404 when
 * nothing was captured under that key (the caller then knows no money was taken).</li>
 * <li>{@code GET /v1/ledger?orderId=…}: what was booked for an order, and how many requests asked (for tests and
 * people).</li>
 * <li>{@code GET /health}: 200 when up. Stopping the process is an outage.</li>
 * </ul>
 * Its ledger is a file, so a restart keeps what was charged.
 */
public final class PaymentProviderSimulator implements AutoCloseable {

    /** How long {@code tok_slow} makes its caller wait. */
    public static final Duration SLOW = Duration.ofSeconds(3);

    private static final ObjectMapper JSON = JsonLines.JSON;
    private static final ObjectMapper CANONICAL_JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "payment-provider");
        thread.setDaemon(true);
        return thread;
    });
    private final Ledger ledger;
    private final Map<String, Object> keyLocks = new ConcurrentHashMap<>();

    private PaymentProviderSimulator(HttpServer server, Ledger ledger) {
        this.server = server;
        this.ledger = ledger;
    }

    /** Starts on 127.0.0.1:{@code port} (0 for any free port), keeping its ledger in {@code dataDirectory}. */
    public static PaymentProviderSimulator start(int port, Path dataDirectory) {
        return start("127.0.0.1", port, dataDirectory);
    }

    /** Starts on {@code host} ({@code 0.0.0.0} in a container), keeping its ledger in {@code dataDirectory}. */
    public static PaymentProviderSimulator start(String host, int port, Path dataDirectory) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
            PaymentProviderSimulator simulator = new PaymentProviderSimulator(server,
                    new Ledger(dataDirectory.resolve("ledger.jsonl")));
            server.createContext("/v1/captures", exchange -> simulator.answer(exchange, simulator::capture));
            server.createContext("/v1/refunds", exchange -> simulator.answer(exchange, simulator::refund));
            server.createContext("/v1/ledger", exchange -> simulator.answer(exchange, simulator::ledger));
            server.createContext("/health", exchange -> simulator.answer(exchange, ex -> new Answer(200,
                    Map.of("status", "UP"))));
            server.setExecutor(simulator.executor);
            server.start();
            return simulator;
        } catch (IOException e) {
            throw new UncheckedIOException("the payment-provider simulator cannot listen on port " + port, e);
        }
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** {@code [--host 127.0.0.1] [--port 8089] [--data <directory>]}; runs until the process is stopped. */
    public static void main(String[] args) {
        Options options = Options.parse(args);
        String host = options.get("--host", "127.0.0.1");
        PaymentProviderSimulator simulator = start(host, options.port("--port", 8089),
                Path.of(options.get("--data", "payment-provider")));
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        System.out.println("payment-provider simulator listening on " + host + ":" + simulator.port());
    }

    /**
     * @param streamed
     *            written to the client as it is serialised (chunked), for a body that may be large
     */
    private record Answer(int status, Object body, boolean streamed) {

        Answer(int status, Object body) {
            this(status, body, false);
        }
    }

    private interface Handler {

        Answer handle(HttpExchange exchange) throws IOException;
    }

    private void answer(HttpExchange exchange, Handler handler) throws IOException {
        Answer answer;
        try {
            answer = handler.handle(exchange);
        } catch (BadRequest e) {
            answer = new Answer(400, Map.of("status", "INVALID", "reason", e.getMessage()));
        } catch (JsonProcessingException e) {
            answer = new Answer(400, Map.of("status", "INVALID", "reason", "the body is not JSON"));
        } catch (RuntimeException e) {
            answer = new Answer(500, Map.of("status", "ERROR", "reason", String.valueOf(e.getMessage())));
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (answer.streamed()) {
            exchange.sendResponseHeaders(answer.status(), 0);
            try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 64 * 1024)) {
                JSON.writeValue(out, answer.body());
            }
        } else {
            byte[] body = JSON.writeValueAsBytes(answer.body());
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private Answer capture(HttpExchange exchange) throws IOException {
        requirePost(exchange);
        String key = idempotencyKey(exchange);
        byte[] raw = readBody(exchange);
        JsonNode request = JSON.readTree(raw);
        String orderId = text(request, "orderId");
        String token = text(request, "token");
        BigDecimal amount = amount(request);
        String currency = text(request, "currency");
        ledger.countRequest(orderId);
        synchronized (keyLocks.computeIfAbsent(key, k -> new Object())) {
            var earlier = ledger.find(key);
            if (earlier.isPresent()) {
                return replay(earlier.get(), hash(raw));
            }
            if ("tok_slow".equals(token)) {
                sleep(SLOW);
            }
            Ledger.Entry entry = switch (token) {
                case "tok_ok", "tok_slow" -> new Ledger.Entry(Ledger.Kind.CAPTURE, key, hash(raw), orderId,
                        "cap_" + UUID.randomUUID(), null, amount, currency, null, Instant.now());
                case "tok_declined" -> new Ledger.Entry(Ledger.Kind.DECLINE, key, hash(raw), orderId,
                        "dec_" + UUID.randomUUID(), null, amount, currency, "card_declined", Instant.now());
                default -> new Ledger.Entry(Ledger.Kind.DECLINE, key, hash(raw), orderId,
                        "dec_" + UUID.randomUUID(), null, amount, currency, "unknown_token", Instant.now());
            };
            ledger.book(entry);
            return answerFor(entry);
        }
    }

    private Answer refund(HttpExchange exchange) throws IOException {
        requirePost(exchange);
        String key = idempotencyKey(exchange);
        byte[] raw = readBody(exchange);
        JsonNode request = JSON.readTree(raw);
        String captureKey = text(request, "captureKey");
        BigDecimal amount = amount(request);
        String currency = text(request, "currency");
        synchronized (keyLocks.computeIfAbsent(key, k -> new Object())) {
            var earlier = ledger.find(key);
            if (earlier.isPresent()) {
                return replay(earlier.get(), hash(raw));
            }
            var capture = ledger.find(captureKey).filter(entry -> entry.kind() == Ledger.Kind.CAPTURE);
            if (capture.isEmpty()) {
                return new Answer(404, Map.of("status", "NOTHING_CAPTURED",
                        "reason", "nothing was captured under " + captureKey));
            }
            ledger.countRequest(capture.get().orderId());
            if (amount.compareTo(capture.get().amount()) > 0) {
                return new Answer(422, Map.of("status", "INVALID", "reason", "refund exceeds the capture"));
            }
            Ledger.Entry entry = new Ledger.Entry(Ledger.Kind.REFUND, key, hash(raw), capture.get().orderId(),
                    "ref_" + UUID.randomUUID(), capture.get().id(), amount, currency, null, Instant.now());
            ledger.book(entry);
            return answerFor(entry);
        }
    }

    private Answer ledger(HttpExchange exchange) {
        String query = exchange.getRequestURI().getQuery();
        String orderId = query != null && query.startsWith("orderId=") ? query.substring("orderId=".length()) : null;
        if (orderId == null) {
            // every booking since the ledger began: written as it is serialised, not held whole in the small heap
            return new Answer(200, Map.of("entries", ledger.all()), true);
        }
        List<Ledger.Entry> entries = ledger.entriesOf(orderId);
        return new Answer(200, Map.of(
                "orderId", orderId,
                "captures", entries.stream().filter(e -> e.kind() == Ledger.Kind.CAPTURE).toList(),
                "declines", entries.stream().filter(e -> e.kind() == Ledger.Kind.DECLINE).toList(),
                "refunds", entries.stream().filter(e -> e.kind() == Ledger.Kind.REFUND).toList(),
                "requests", ledger.requestsOf(orderId)));
    }

    private static Answer replay(Ledger.Entry earlier, String requestHash) {
        if (!earlier.requestHash().equals(requestHash)) {
            return new Answer(409, Map.of("status", "IDEMPOTENCY_KEY_REUSED",
                    "reason", "key " + earlier.idempotencyKey() + " was used for another request"));
        }
        return answerFor(earlier);
    }

    private static Answer answerFor(Ledger.Entry entry) {
        return switch (entry.kind()) {
            case CAPTURE -> new Answer(201, Map.of("captureId", entry.id(), "status", "CAPTURED"));
            case DECLINE -> new Answer(402, Map.of("status", "DECLINED", "reason", entry.reason()));
            case REFUND -> new Answer(201, Map.of("refundId", entry.id(), "captureId", entry.captureId(), "status",
                    "REFUNDED"));
        };
    }

    private static void requirePost(HttpExchange exchange) {
        if (!"POST".equals(exchange.getRequestMethod())) {
            throw new BadRequest(exchange.getRequestMethod() + " is not supported here");
        }
    }

    private static String idempotencyKey(HttpExchange exchange) {
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key == null || key.isBlank()) {
            throw new BadRequest("the Idempotency-Key header is required");
        }
        return key;
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new BadRequest(field + " is required");
        }
        return value.asText();
    }

    private static BigDecimal amount(JsonNode request) {
        try {
            BigDecimal amount = new BigDecimal(text(request, "amount"));
            if (amount.signum() <= 0) {
                throw new BadRequest("amount must be positive");
            }
            return amount;
        } catch (NumberFormatException e) {
            throw new BadRequest("amount must be a decimal string");
        }
    }

    /**
     * The request's fingerprint: its content, not its bytes. The order of a JSON object's fields means nothing (a
     * client that restarts may write them in another order), so they are sorted before hashing, at every depth.
     */
    private static String hash(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    CANONICAL_JSON.writeValueAsBytes(CANONICAL_JSON.readValue(body, Object.class))));
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class BadRequest extends RuntimeException {

        BadRequest(String message) {
            super(message);
        }
    }
}

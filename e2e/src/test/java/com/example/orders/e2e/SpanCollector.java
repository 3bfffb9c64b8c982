package com.example.orders.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

/**
 * An OTLP/HTTP receiver inside the test JVM ({@code POST /v1/traces}, protobuf), the collector the suite's services
 * export their spans to during the end-to-end run (OTEL_EXPORTER_OTLP_ENDPOINT): it keeps each span's ids, name, kind
 * and service, by trace. It keeps at most {@link #LIMIT} spans, so a long run cannot exhaust the heap.
 */
final class SpanCollector implements AutoCloseable {

    static final int LIMIT = 300_000;

    /** One received span. {@code parentSpanId} is empty for a trace's root. */
    record ReceivedSpan(String traceId, String spanId, String parentSpanId, String name, String kind,
            String service) {
    }

    private static final HexFormat HEX = HexFormat.of();

    private final HttpServer server;
    private final Map<String, List<ReceivedSpan>> traces = new ConcurrentHashMap<>();
    private final AtomicInteger kept = new AtomicInteger();

    SpanCollector() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/traces", this::receive);
        server.start();
    }

    /** What the services are given as OTEL_EXPORTER_OTLP_ENDPOINT. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The spans of one trace received so far. */
    List<ReceivedSpan> trace(String traceId) {
        List<ReceivedSpan> spans = traces.getOrDefault(traceId, List.of());
        synchronized (spans) {
            return List.copyOf(spans);
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(exchange.getRequestBody());
            for (ResourceSpans resource : request.getResourceSpansList()) {
                String service = resource.getResource().getAttributesList().stream()
                        .filter(attribute -> attribute.getKey().equals("service.name"))
                        .map(KeyValue::getValue).map(value -> value.getStringValue())
                        .findFirst().orElse("?");
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    scope.getSpansList().forEach(span -> keep(new ReceivedSpan(
                            HEX.formatHex(span.getTraceId().toByteArray()),
                            HEX.formatHex(span.getSpanId().toByteArray()),
                            HEX.formatHex(span.getParentSpanId().toByteArray()),
                            span.getName(), span.getKind().name(), service)));
                }
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private void keep(ReceivedSpan span) {
        if (kept.incrementAndGet() > LIMIT) {
            return;
        }
        List<ReceivedSpan> spans = traces.computeIfAbsent(span.traceId(), id -> new ArrayList<>());
        synchronized (spans) {
            spans.add(span);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

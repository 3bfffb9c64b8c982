package com.example.orders.platform.tracing;

import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Where spans go: OTLP over HTTP (protobuf) to the collector the environment names in
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} (or, for traces alone, {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}), as every
 * OpenTelemetry SDK reads them; with none named, nowhere, quietly. Spans are made either way, so records and timelines
 * carry trace ids whether or not anyone collects the spans.
 */
public class TraceExport {

    private static final Logger LOG = Logger.getLogger(TraceExport.class);

    @Produces
    @Singleton
    SpanExporter exporter(@ConfigProperty(name = "platform.tracing.otlp-endpoint") Optional<String> endpoint,
            @ConfigProperty(name = "platform.tracing.otlp-traces-endpoint") Optional<String> tracesEndpoint) {
        Optional<String> traces = tracesEndpoint.filter(url -> !url.isBlank())
                .or(() -> endpoint.filter(url -> !url.isBlank())
                        .map(url -> url.replaceAll("/+$", "") + "/v1/traces"));
        if (traces.isEmpty()) {
            LOG.debug("no OTEL_EXPORTER_OTLP_ENDPOINT: spans are not exported");
            return SpanExporter.composite();
        }
        LOG.infof("spans are exported to %s (OTLP over HTTP)", traces.get());
        return OtlpHttpSpanExporter.builder().setEndpoint(traces.get()).build();
    }
}

package com.example.orders.platform.tracing;

import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import zipkin2.reporter.urlconnection.URLConnectionSender;

/**
 * Where spans go: OTLP over HTTP (protobuf) to the collector the environment names in
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} (or, for traces alone, {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}), as every
 * OpenTelemetry SDK reads them; else to a Zipkin server at {@code OTEL_EXPORTER_ZIPKIN_ENDPOINT} (the trace viewer
 * {@code ./suite up} starts); with none named, nowhere, quietly. Spans are made either way, so records and timelines
 * carry trace ids whether or not anyone collects the spans.
 */
public class TraceExport {

    private static final Logger LOG = Logger.getLogger(TraceExport.class);

    @Produces
    @Singleton
    SpanExporter exporter(@ConfigProperty(name = "platform.tracing.otlp-endpoint") Optional<String> endpoint,
            @ConfigProperty(name = "platform.tracing.otlp-traces-endpoint") Optional<String> tracesEndpoint,
            @ConfigProperty(name = "platform.tracing.zipkin-endpoint") Optional<String> zipkinEndpoint) {
        Optional<String> otlp = tracesEndpoint.filter(url -> !url.isBlank())
                .or(() -> endpoint.filter(url -> !url.isBlank())
                        .map(url -> url.replaceAll("/+$", "") + "/v1/traces"));
        if (otlp.isPresent()) {
            LOG.infof("spans are exported to %s (OTLP over HTTP)", otlp.get());
            return OtlpHttpSpanExporter.builder().setEndpoint(otlp.get()).build();
        }
        Optional<String> zipkin = zipkinEndpoint.filter(url -> !url.isBlank());
        if (zipkin.isPresent()) {
            LOG.infof("spans are exported to %s (Zipkin)", zipkin.get());
            return ZipkinSpanExporter.builder().setSender(URLConnectionSender.create(zipkin.get())).build();
        }
        LOG.debug("no OTEL_EXPORTER_OTLP_ENDPOINT nor OTEL_EXPORTER_ZIPKIN_ENDPOINT: spans are not exported");
        return SpanExporter.composite();
    }
}

package com.example.orders.platform.holdings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import com.example.orders.platform.persistence.NativeSql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * {@code GET /ops/orders/{orderId}}: what this service holds for an order now, for operators only (admin), as the
 * console's order page shows it. Like the rest of {@code /ops}, not routed by the gateway.
 */
@Path("/ops/orders")
@RolesAllowed("admin")
public class OrderHoldingsResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One kind of thing held, and its rows, each column by name. */
    public record Held(String kind, List<Map<String, Object>> rows) {
    }

    public record Holdings(String service, String orderId, List<Held> holdings) {
    }

    private final Instance<OrderHoldings> kinds;
    private final String service;

    OrderHoldingsResource(Instance<OrderHoldings> kinds,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.kinds = kinds;
        this.service = service;
    }

    @GET
    @Path("{orderId}")
    @Operation(hidden = true)
    @WithSession
    public Uni<Holdings> of(@PathParam("orderId") String orderId) {
        List<OrderHoldings> all = kinds.stream().toList();
        return Multi.createFrom().iterable(all)
                .onItem().transformToUniAndConcatenate(kind -> rowsOf(kind, orderId))
                .collect().asList()
                .map(held -> new Holdings(service, orderId, held));
    }

    private static Uni<Held> rowsOf(OrderHoldings kind, String orderId) {
        return Panache.getSession()
                .flatMap(session -> NativeSql.list(session, String.class,
                        "select row_to_json(held)::text from (" + kind.select() + ") as held", orderId))
                .map(rows -> {
                    List<Map<String, Object>> read = new ArrayList<>();
                    for (String row : rows) {
                        read.add(parse(row));
                    }
                    return new Held(kind.kind(), read);
                });
    }

    private static Map<String, Object> parse(String row) {
        try {
            return JSON.readValue(row, new TypeReference<java.util.LinkedHashMap<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL's row_to_json gave no JSON object: " + row, e);
        }
    }
}

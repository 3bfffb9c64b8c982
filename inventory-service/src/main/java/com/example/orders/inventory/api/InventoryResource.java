package com.example.orders.inventory.api;

import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.example.orders.inventory.application.StockingTheCatalogue;
import com.example.orders.platform.api.Problems;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** {@code /api/inventory}: operators stock the catalogue; anyone signed in reads it (docs/contract.md §2). */
@Path("/api/inventory/{sku}")
public class InventoryResource {

    private static final String SKU = "[A-Z0-9][A-Z0-9\\-]{0,63}";

    private final StockingTheCatalogue stocking;

    InventoryResource(StockingTheCatalogue stocking) {
        this.stocking = stocking;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @WithTransaction
    public Uni<StockView> restock(@PathParam("sku") @Pattern(regexp = SKU, message = "must look like SKU-1") String sku,
            @Valid @NotNull StockRequest body) {
        return stocking.restock(sku, body.available(), body.unitPrice(), Optional.ofNullable(body.currency()))
                .map(StockView::of);
    }

    @GET
    @RolesAllowed({"customer", "admin"})
    @WithSession
    @APIResponse(responseCode = "200", description = "the product", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StockView.class)))
    public Uni<Response> get(@PathParam("sku") @Pattern(regexp = SKU, message = "must look like SKU-1") String sku) {
        return stocking.find(sku).map(item -> item
                .map(found -> Response.ok(StockView.of(found)).build())
                .orElseGet(() -> Problems.of(Response.Status.NOT_FOUND, "no product " + sku + " in the catalogue")));
    }
}

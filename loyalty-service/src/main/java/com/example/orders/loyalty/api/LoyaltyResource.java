package com.example.orders.loyalty.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.example.orders.loyalty.application.ReadingPoints;
import com.example.orders.platform.api.Problems;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** {@code /api/loyalty}: a customer's points (docs/contract.md §2), for the customer and for operators. */
@Path("/api/loyalty")
public class LoyaltyResource {

    private final ReadingPoints reading;
    private final JsonWebToken token;
    private final SecurityIdentity caller;

    LoyaltyResource(ReadingPoints reading, JsonWebToken token, SecurityIdentity caller) {
        this.reading = reading;
        this.token = token;
        this.caller = caller;
    }

    /** Another customer's points are not found, as someone else's order is not. */
    @GET
    @Path("customers/{customerId}")
    @APIResponse(responseCode = "200", description = "the balance and the entries that make it, oldest first", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatementView.class)))
    @APIResponse(responseCode = "404", description = "another customer's points", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @RolesAllowed({"customer", "admin"})
    @WithSession
    public Uni<StatementView> statement(
            @PathParam("customerId") @Pattern(regexp = "[A-Za-z0-9._@\\-]{1,64}", message = "must be a customer id") String customerId) {
        if (!caller.hasRole("admin") && !customerId.equals(token.getSubject())) {
            throw new NotFoundException("no points for customer " + customerId);
        }
        return reading.statementOf(customerId).map(StatementView::of);
    }
}

package com.example.orders.order.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.example.orders.order.application.CancellingOrders;
import com.example.orders.order.application.PlacingOrders;
import com.example.orders.order.application.ReadingOrders;
import com.example.orders.order.application.UnknownOrder;
import com.example.orders.order.domain.Order;
import com.example.orders.order.domain.OrderItem;
import com.example.orders.platform.api.Problems;
import com.example.orders.platform.api.RequestIds;
import com.example.orders.platform.commit.AfterCommit;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** {@code /api/orders}: customers place, follow and cancel their orders (docs/contract.md §2). */
@Path("/api/orders")
public class OrderResource {

    private static final String ORDER_ID = "[A-Za-z0-9\\-]{1,64}";

    private final PlacingOrders placing;
    private final CancellingOrders cancelling;
    private final ReadingOrders reading;
    private final JsonWebToken token;
    private final SecurityIdentity caller;

    OrderResource(PlacingOrders placing, CancellingOrders cancelling, ReadingOrders reading, JsonWebToken token,
            SecurityIdentity caller) {
        this.placing = placing;
        this.cancelling = cancelling;
        this.reading = reading;
        this.token = token;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("customer")
    @APIResponse(responseCode = "202", description = "placed (or placed before under this Idempotency-Key); Location "
            + "names the order", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderAccepted.class)))
    @APIResponse(responseCode = "422", description = "the Idempotency-Key was used for a different request", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Uni<Response> place(@HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam(RequestIds.HEADER) String requestId, @Valid @NotNull PlaceOrderRequest body) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 128) {
            return Uni.createFrom().item(Problems.of(Response.Status.BAD_REQUEST,
                    "the Idempotency-Key header is required (1 to 128 characters)"));
        }
        PlacingOrders.PlaceOrder command = new PlacingOrders.PlaceOrder(token.getSubject(),
                token.<String>claim("email").orElse(null), idempotencyKey,
                body.items().stream().map(line -> OrderItem.unpriced(line.sku(), line.quantity())).toList(),
                body.paymentToken(), requestId);
        // path-absolute: right for the caller whichever gateway, port or scheme it came through (RFC 9110 §10.2.2)
        return AfterCommit.inTransaction(() -> placing.place(command)).map(order -> Response.accepted(accepted(order))
                .header(HttpHeaders.LOCATION, "/api/orders/" + order.id())
                .build());
    }

    @GET
    @Path("{orderId}")
    @RolesAllowed({"customer", "admin"})
    @WithSession
    public Uni<OrderView> get(
            @PathParam("orderId") @Pattern(regexp = ORDER_ID, message = "must be an order id") String orderId) {
        return reading.find(orderId).map(found -> found
                .filter(order -> caller.hasRole("admin") || order.customerId().equals(token.getSubject()))
                .map(OrderView::of)
                .orElseThrow(() -> new UnknownOrder(orderId)));
    }

    @POST
    @Path("{orderId}/cancel")
    @RolesAllowed("customer")
    @APIResponse(responseCode = "202", description = "cancelled; stock and money are given back", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderAccepted.class)))
    @APIResponse(responseCode = "409", description = "the order is CONFIRMED or CANCELLED already", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Uni<Response> cancel(
            @PathParam("orderId") @Pattern(regexp = ORDER_ID, message = "must be an order id") String orderId,
            @HeaderParam(RequestIds.HEADER) String requestId) {
        return AfterCommit.inTransaction(() -> cancelling.cancel(orderId, token.getSubject(), requestId))
                .map(order -> Response.accepted(accepted(order)).build());
    }

    private static OrderAccepted accepted(Order order) {
        return new OrderAccepted(order.id(), order.status().name());
    }
}

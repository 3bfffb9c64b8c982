package com.example.orders.notification.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import com.example.orders.notification.application.NotificationLog;
import com.example.orders.notification.application.ReadingTheLog;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** {@code /api/notifications}: the log of what customers were told (docs/contract.md §2), for operators. */
@Path("/api/notifications")
public class NotificationResource {

    private final ReadingTheLog reading;

    NotificationResource(ReadingTheLog reading) {
        this.reading = reading;
    }

    @GET
    @RolesAllowed("admin")
    @WithSession
    public Uni<List<NotificationLog.Logged>> log(
            @QueryParam("orderId") @Pattern(regexp = "[A-Za-z0-9\\-]{1,64}", message = "must be an order id") String orderId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return reading.log(orderId, limit);
    }
}

package com.example.orders.console.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.example.orders.console.application.WatchingConsumers;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/**
 * {@code /console/consumers}: lag per group and partition, records held through an outage, each outbox's backlog and
 * its oldest row's age, and the readiness of every service.
 */
@Path("/console/consumers")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class ConsumerPages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance consumers(OperatorSession session, WatchingConsumers.Consumers consumers);
    }

    private final WatchingConsumers watching;
    private final SignedIn signedIn;

    ConsumerPages(WatchingConsumers watching, SignedIn signedIn) {
        this.watching = watching;
        this.signedIn = signedIn;
    }

    @GET
    @Operation(hidden = true)
    public Response consumers() {
        return Response.ok(Templates.consumers(signedIn.required(), watching.now()).render())
                .type(ConsoleGuard.html()).build();
    }
}

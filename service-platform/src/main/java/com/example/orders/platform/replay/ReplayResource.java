package com.example.orders.platform.replay;

import java.net.URI;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.example.orders.platform.api.Problems;

/**
 * {@code /ops}: what {@code ./suite replay} asks a running service, for operators only (admin). Not routed by the
 * gateway: the services' own ports are reachable by the operations tools, never by clients.
 */
@Path("/ops")
@RolesAllowed("admin")
public class ReplayResource {

    /** What the service consumes, as one consumer group. */
    public record Consumption(String group, Set<String> topics) {
    }

    private final Replays replays;

    ReplayResource(Replays replays) {
        this.replays = replays;
    }

    @GET
    @Path("consumption")
    public Consumption consumption() {
        return new Consumption(replays.group(), replays.topics());
    }

    @POST
    @Path("replays")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(Replays.Request body) {
        try {
            Replays.Report report = replays.start(body);
            return Response.accepted(report).location(URI.create("/ops/replays/" + report.id())).build();
        } catch (Replays.Refused e) {
            return Problems.of(e.conflict() ? Response.Status.CONFLICT : Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    @GET
    @Path("replays/{id}")
    public Response report(@PathParam("id") String id) {
        return replays.report(id).map(report -> Response.ok(report).build())
                .orElseGet(() -> Problems.of(Response.Status.NOT_FOUND, "no replay " + id + " (the service keeps "
                        + "the last reports until it restarts)"));
    }
}

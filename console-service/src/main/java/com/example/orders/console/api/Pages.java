package com.example.orders.console.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.example.orders.console.application.CheckingDeliveries;
import com.example.orders.console.application.ConsoleConfig;
import com.example.orders.console.application.NeedingAttention;
import com.example.orders.console.application.ReadingJourneys;
import com.example.orders.console.application.SigningIn;
import com.example.orders.console.domain.Journey;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The console's pages, rendered on the server ({@code templates/Pages}); {@link ConsoleGuard} has checked the session
 * of every request that reaches a method here, but for the front page and the sign-in.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class Pages {

    private static final String ORDER_ID = "[A-Za-z0-9][A-Za-z0-9-]{0,63}";
    static final String NOT_YOUR_FORM = "This form is not from your session. Reload the page and try again.";

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance signIn(String message, String next);

        static native TemplateInstance refused(String message);

        static native TemplateInstance overview(OperatorSession session, Views.Overview overview,
                NeedingAttention.Attention attention);

        static native TemplateInstance orders(OperatorSession session, String query, List<Views.OrderRow> orders);

        static native TemplateInstance order(OperatorSession session, Views.OrderView order);
    }

    private final SigningIn signingIn;
    private final ReadingJourneys reading;
    private final SignedIn signedIn;
    private final ConsoleConfig config;
    private final CheckingDeliveries deliveries;
    private final NeedingAttention attention;

    Pages(SigningIn signingIn, ReadingJourneys reading, SignedIn signedIn, ConsoleConfig config,
            CheckingDeliveries deliveries, NeedingAttention attention) {
        this.attention = attention;
        this.signingIn = signingIn;
        this.reading = reading;
        this.signedIn = signedIn;
        this.config = config;
        this.deliveries = deliveries;
    }

    /** The overview, or the sign-in form until one signs in. */
    @GET
    @Path("")
    @Operation(hidden = true)
    public Uni<Response> front() {
        if (signedIn.session().isEmpty()) {
            return Uni.createFrom().item(signIn(Response.Status.OK, null, ""));
        }
        OperatorSession session = signedIn.required();
        // the journal in a session of its own that ends before the broker is asked, off the event loop
        return Panache.withSession(reading::lastHour)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(hour -> page(Templates.overview(session, Views.overview(hour), attention.now())));
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response login(@FormParam("token") String token, @FormParam("next") String next,
            @HeaderParam("X-Forwarded-Proto") String forwardedProto) {
        SigningIn.Outcome outcome = signingIn.signIn(token);
        if (outcome instanceof SigningIn.Refused refused) {
            return signIn(refused.forbidden() ? Response.Status.FORBIDDEN : Response.Status.UNAUTHORIZED,
                    refused.why(), next);
        }
        SigningIn.Operator operator = ((SigningIn.SignedIn) outcome).operator();
        return Response.seeOther(URI.create(withinConsole(next)))
                .cookie(OperatorSession.start(token.strip(), operator.sessionEnds(), Instant.now(),
                        "https".equalsIgnoreCase(forwardedProto)))
                .build();
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response logout(@FormParam("csrf") String csrf, @HeaderParam("X-Forwarded-Proto") String forwardedProto) {
        if (!signedIn.required().posted(csrf)) {
            return refused(Response.Status.FORBIDDEN, NOT_YOUR_FORM);
        }
        return Response.seeOther(URI.create(OperatorSession.PATH + "/"))
                .cookie(OperatorSession.end("https".equalsIgnoreCase(forwardedProto)))
                .build();
    }

    /** Orders by id (its beginning will do) or by customer; one order found by its whole id is shown at once. */
    @GET
    @Path("orders")
    @Operation(hidden = true)
    @WithSession
    public Uni<Response> search(@QueryParam("q") String query) {
        OperatorSession session = signedIn.required();
        String text = query == null ? "" : query.strip();
        if (text.isEmpty()) {
            return Uni.createFrom().item(page(Templates.orders(session, "", List.of())));
        }
        return reading.search(text).map(found -> {
            if (found.size() == 1 && found.get(0).orderId().equals(text)) {
                return Response.seeOther(URI.create(OperatorSession.PATH + "/orders/" + text)).build();
            }
            return page(Templates.orders(session, text, found.stream().map(Views.OrderRow::of).toList()));
        });
    }

    @GET
    @Path("orders/{orderId}")
    @Operation(hidden = true)
    public Uni<Response> order(@PathParam("orderId") String orderId) {
        OperatorSession session = signedIn.required();
        if (!orderId.matches(ORDER_ID)) {
            return Uni.createFrom().item(refused(Response.Status.NOT_FOUND, "There is no order " + orderId + "."));
        }
        // the journal in a session of its own that ends before the broker is asked (it blocks), off the event loop
        return Panache.withSession(() -> reading.journeyOf(orderId))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(journey -> {
                    Views.OrderView view = Views.order(journey,
                            deliveries.of(orderId, journey.journey().steps().stream()
                                    .map(Journey.Step::event).toList()),
                            deliveries.holdingsOf(orderId, session.token()),
                            config.traceLink().filter(link -> !link.isBlank()),
                            Instant.now());
                    return Response.status(view.known() ? Response.Status.OK : Response.Status.NOT_FOUND)
                            .entity(Templates.order(session, view).render()).type(ConsoleGuard.html()).build();
                });
    }

    static Response signIn(Response.Status status, String message, String next) {
        return Response.status(status).entity(Templates.signIn(message, next == null ? "" : next).render())
                .type(ConsoleGuard.html()).build();
    }

    static Response refused(Response.Status status, String message) {
        return Response.status(status).entity(Templates.refused(message).render()).type(ConsoleGuard.html()).build();
    }

    private static Response page(TemplateInstance page) {
        return Response.ok(page.render()).type(ConsoleGuard.html()).build();
    }

    /** Where to go after signing in: a page of the console, never another site. */
    static String withinConsole(String next) {
        if (next != null && next.startsWith(OperatorSession.PATH + "/") && !next.startsWith("//")
                && !next.contains("\\") && next.chars().noneMatch(Character::isISOControl)) {
            return next;
        }
        return OperatorSession.PATH + "/";
    }
}

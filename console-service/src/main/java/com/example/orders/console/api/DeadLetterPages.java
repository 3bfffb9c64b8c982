package com.example.orders.console.api;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.example.orders.console.application.DeadLetterQueues;
import com.example.orders.console.application.HandlingDeadLetters;
import com.example.orders.console.application.OperationNotDone;
import com.example.orders.operations.ShortAge;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/**
 * {@code /console/dead-letters}: per consumer group, its pending and re-driven dead letters; one letter's headers and
 * payload; and the redrive of one event or of every pending letter, done by the code {@code ./suite dlq redrive} runs.
 */
@Path("/console/dead-letters")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class DeadLetterPages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance deadLetters(OperatorSession session, List<GroupView> groups, String done);

        static native TemplateInstance deadLetter(OperatorSession session, LetterView letter,
                List<HeaderView> headers, String key, String value);
    }

    record LetterView(String group, int partition, long offset, String ceId, String type, String orderId,
            String reason, String origin, String died, String age, boolean redriven) {

        static LetterView of(DeadLetterQueues.Letter letter, Instant now) {
            return new LetterView(letter.group(), letter.partition(), letter.offset(), letter.ceId(), letter.type(),
                    letter.orderId(), letter.reason(), letter.origin(), Views.time(letter.diedAt()),
                    ShortAge.of(Duration.between(letter.diedAt(), now)), letter.redriven());
        }

        public String state() {
            return redriven ? "REDRIVEN" : "PENDING";
        }

        public String link() {
            return "/console/dead-letters/" + group + "/" + partition + "/" + offset;
        }
    }

    record GroupView(String group, List<LetterView> letters, long pending) {
    }

    record HeaderView(String name, String value) {
    }

    private final HandlingDeadLetters deadLetters;
    private final SignedIn signedIn;

    DeadLetterPages(HandlingDeadLetters deadLetters, SignedIn signedIn) {
        this.deadLetters = deadLetters;
        this.signedIn = signedIn;
    }

    @GET
    @Operation(hidden = true)
    public Response everyGroup(@QueryParam("group") String group, @QueryParam("redriven") Integer redriven,
            @QueryParam("folded") Integer folded, @QueryParam("nowhere") Integer nowhere) {
        Instant now = Instant.now();
        try {
            List<GroupView> groups = deadLetters.everyGroup().stream()
                    .map(one -> new GroupView(one.group(), one.letters().stream()
                            .map(letter -> LetterView.of(letter, now)).toList(), one.pending()))
                    .toList();
            String done = redriven == null || group == null
                    ? null
                    : "Re-drove " + redriven + " event" + (redriven == 1 ? "" : "s") + " of " + group
                            + (folded != null && folded > 0
                                    ? " (" + folded + " more dead letters of the same events "
                                            + "folded into them)"
                                    : "")
                            + (nowhere != null && nowhere > 0 ? "; " + nowhere + " without an origin were left" : "")
                            + ". What fails again comes back as a new pending letter.";
            return page(Templates.deadLetters(signedIn.required(), groups, done));
        } catch (OperationNotDone e) {
            return Pages.refused(Response.Status.SERVICE_UNAVAILABLE, "The dead letters cannot be read now: "
                    + e.getMessage());
        }
    }

    @GET
    @Path("{group}/{partition}/{offset}")
    @Operation(hidden = true)
    public Response letter(@PathParam("group") String group, @PathParam("partition") int partition,
            @PathParam("offset") long offset) {
        try {
            return deadLetters.open(group, partition, offset)
                    .map(opened -> page(Templates.deadLetter(signedIn.required(), LetterView.of(opened.letter(),
                            Instant.now()),
                            opened.headers().stream()
                                    .map(header -> new HeaderView(header.getKey(), header.getValue())).toList(),
                            opened.key(), opened.value())))
                    .orElseGet(() -> Pages.refused(Response.Status.NOT_FOUND, "There is no dead letter at "
                            + group + ".dlq/" + partition + "@" + offset + "."));
        } catch (OperationNotDone e) {
            return Pages.refused(Response.Status.NOT_FOUND, e.getMessage());
        }
    }

    /** Re-drives the group's pending dead letters, or only those of the event {@code ceId} names. */
    @POST
    @Path("{group}/redrive")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response redrive(@PathParam("group") String group, @FormParam("ceId") String ceId,
            @FormParam("csrf") String csrf) {
        if (!signedIn.required().posted(csrf)) {
            return Pages.refused(Response.Status.FORBIDDEN, Pages.NOT_YOUR_FORM);
        }
        try {
            DeadLetterQueues.Redriven done = deadLetters.redrive(group, Optional.ofNullable(ceId));
            return Response.seeOther(URI.create("/console/dead-letters?group=" + group + "&redriven="
                    + done.redriven() + "&folded=" + done.duplicatesFolded() + "&nowhere=" + done.withoutOrigin()
                    + "#group-" + group)).build();
        } catch (OperationNotDone e) {
            return Pages.refused(Response.Status.CONFLICT, "Nothing was re-driven: " + e.getMessage());
        }
    }

    private static Response page(TemplateInstance page) {
        return Response.ok(page.render()).type(ConsoleGuard.html()).build();
    }
}

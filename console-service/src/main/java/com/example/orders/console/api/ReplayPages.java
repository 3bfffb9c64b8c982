package com.example.orders.console.api;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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

import com.example.orders.console.application.GroupReplays;
import com.example.orders.console.application.OperationNotDone;
import com.example.orders.console.application.ReplayingWindows;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/**
 * {@code /console/replays}: a dry run of a window for a group (per partition: applied before, would apply), then the
 * replay itself, with its progress; the group's running service does the work, as for {@code ./suite replay}.
 */
@Path("/console/replays")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class ReplayPages {

    private static final String GROUP = "[a-z0-9][a-z0-9-]{0,63}";
    private static final String REPLAY_ID = "[A-Za-z0-9-]{1,64}";

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance replays(OperatorSession session, List<String> groups, String group);

        static native TemplateInstance replay(OperatorSession session, GroupReplays.Progress replay, Totals totals,
                Asked asked);
    }

    /** The window as the form asked for it, so that a dry run's page can ask for the same window for real. */
    record Asked(String topic, String from, String to) {

        String query() {
            return "?topic=" + encode(topic) + "&from=" + encode(from) + "&to=" + encode(to);
        }

        private static String encode(String value) {
            return URLEncoder.encode(value == null ? "" : value.strip(), StandardCharsets.UTF_8);
        }
    }

    /** The sums over every partition, and how far the replay has read. */
    record Totals(long records, long window, long alreadyApplied, long wouldApply, long appliedNow,
            long deadLettered, int percent) {

        static Totals of(GroupReplays.Progress progress) {
            long records = 0;
            long window = 0;
            long before = 0;
            long would = 0;
            long now = 0;
            long dead = 0;
            for (GroupReplays.PartitionProgress partition : progress.partitions()) {
                records += partition.records();
                window += partition.to() - partition.from();
                before += partition.alreadyApplied();
                would += partition.wouldApply();
                now += partition.appliedNow();
                dead += partition.deadLettered();
            }
            int percent = window == 0 ? 100 : (int) Math.min(100, records * 100 / window);
            return new Totals(records, window, before, would, now, dead, percent);
        }
    }

    private final ReplayingWindows replaying;
    private final SignedIn signedIn;

    ReplayPages(ReplayingWindows replaying, SignedIn signedIn) {
        this.replaying = replaying;
        this.signedIn = signedIn;
    }

    @GET
    @Operation(hidden = true)
    public Response form(@QueryParam("group") String group) {
        return page(Templates.replays(signedIn.required(), replaying.groups(), group == null ? "" : group));
    }

    /**
     * @param from
     *            {@code earliest}, a time ({@code 2026-12-06T10:00:00Z}) or an offset
     * @param mode
     *            {@code dry-run} or {@code replay}
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response start(@FormParam("csrf") String csrf, @FormParam("group") String group,
            @FormParam("topic") String topic, @FormParam("from") String from, @FormParam("to") String to,
            @FormParam("mode") String mode, @FormParam("rebuild") String rebuild) {
        OperatorSession session = signedIn.required();
        if (!session.posted(csrf)) {
            return Pages.refused(Response.Status.FORBIDDEN, Pages.NOT_YOUR_FORM);
        }
        if (group == null || !group.matches(GROUP)) {
            return Pages.refused(Response.Status.BAD_REQUEST, "Choose the consumer group to replay to.");
        }
        try {
            GroupReplays.Progress started = replaying.start(group, Optional.ofNullable(topic), from(from),
                    to == null || to.isBlank() ? Optional.empty() : Optional.of(time(to, "to")),
                    !"replay".equals(mode), "on".equals(rebuild), session.token());
            return Response.seeOther(URI.create("/console/replays/" + group + "/" + started.id()
                    + new Asked(topic, from, to).query())).build();
        } catch (IllegalArgumentException e) {
            return Pages.refused(Response.Status.BAD_REQUEST, e.getMessage());
        } catch (OperationNotDone e) {
            return Pages.refused(Response.Status.CONFLICT, "Nothing was replayed: " + e.getMessage());
        }
    }

    @GET
    @Path("{group}/{id}")
    @Operation(hidden = true)
    public Response progress(@PathParam("group") String group, @PathParam("id") String id,
            @QueryParam("topic") String topic, @QueryParam("from") String from, @QueryParam("to") String to) {
        if (!group.matches(GROUP) || !id.matches(REPLAY_ID)) {
            return Pages.refused(Response.Status.NOT_FOUND, "There is no such replay.");
        }
        OperatorSession session = signedIn.required();
        try {
            GroupReplays.Progress progress = replaying.progress(group, id, session.token());
            return page(Templates.replay(session, progress, Totals.of(progress), new Asked(blankIfNull(topic),
                    from == null ? "earliest" : from, blankIfNull(to))));
        } catch (OperationNotDone e) {
            return Pages.refused(Response.Status.NOT_FOUND, e.getMessage());
        }
    }

    static GroupReplays.From from(String from) {
        String value = from == null ? "" : from.strip();
        if (value.isEmpty() || value.equals("earliest")) {
            return new GroupReplays.Earliest();
        }
        if (value.chars().allMatch(Character::isDigit)) {
            return new GroupReplays.AtOffset(Long.parseLong(value));
        }
        return new GroupReplays.AtTime(time(value, "from"));
    }

    private static Instant time(String value, String field) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a time for " + field + ": write it as "
                    + "2026-12-06T10:00:00Z (UTC), or give an offset, or earliest");
        }
    }

    private static String blankIfNull(String value) {
        return value == null ? "" : value;
    }

    private static Response page(TemplateInstance page) {
        return Response.ok(page.render()).type(ConsoleGuard.html()).build();
    }
}

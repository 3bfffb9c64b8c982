package com.example.orders.platform.inbox;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.orders.events.EventEnvelope;
import com.example.orders.platform.persistence.NativeSql;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The consumer's record of which events it has applied. Call {@link #markApplied} inside the transaction that applies
 * the events: the caller skips the effect of each event applied before, and if the transaction rolls back, the mark
 * goes with it, so the event is applied again on redelivery.
 */
@ApplicationScoped
public class AppliedEvents {

    /**
     * Marks many events in one statement, inside the transaction that applies them.
     *
     * @return the ids of those applied for the first time; the others were applied before
     */
    public Uni<Set<String>> markApplied(List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        StringBuilder values = new StringBuilder();
        Object[] parameters = new Object[3 * events.size()];
        for (int i = 0; i < events.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("($").append(3 * i + 1).append(", $").append(3 * i + 2)
                    .append(", $").append(3 * i + 3).append(')');
            EventEnvelope event = events.get(i);
            parameters[3 * i] = event.id();
            parameters[3 * i + 1] = event.type().ceType();
            parameters[3 * i + 2] = event.subject();
        }
        return Panache.getSession()
                .flatMap(session -> NativeSql.list(session, String.class, """
                        with marked as (
                            insert into applied_event (event_id, event_type, subject) values %s
                            on conflict (event_id) do nothing
                            returning event_id)
                        select event_id from marked""".formatted(values), parameters))
                .map(Set::copyOf);
    }

    public Uni<Boolean> wasApplied(String eventId) {
        return Panache.getSession()
                .flatMap(session -> NativeSql.single(session, Long.class,
                        "select count(*) from applied_event where event_id = $1", eventId))
                .map(count -> count > 0);
    }

    /** @return the ids among these that were applied */
    public Uni<Set<String>> appliedAmong(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession()
                .flatMap(session -> NativeSql.list(session, String.class,
                        "select event_id from applied_event where event_id = any($1)", List.copyOf(eventIds)))
                .map(Set::copyOf);
    }

    /** Forgets every applied event, for a read model rebuilt from the topics; run it in the rebuild's transaction. */
    public Uni<Integer> forgetAll() {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery("delete from applied_event").executeUpdate());
    }
}

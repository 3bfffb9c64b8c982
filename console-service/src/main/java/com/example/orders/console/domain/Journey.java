package com.example.orders.console.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * An order's events in causal order: every event after the event that caused it, and otherwise in the order they
 * happened. The services' clocks may disagree by a little, so time alone could show an answer before its question; the
 * causation ids cannot.
 */
public final class Journey {

    private static final Comparator<JournalEvent> BY_TIME = Comparator.comparing(JournalEvent::occurredAt)
            .thenComparing(JournalEvent::eventId);

    /** One step of the journey: the event, and the event of this order that caused it, if one did. */
    public record Step(JournalEvent event, Optional<JournalEvent> causedBy) {
    }

    private final List<Step> steps;

    private Journey(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    public static Journey of(List<JournalEvent> events) {
        Map<String, JournalEvent> byId = new HashMap<>();
        events.forEach(event -> byId.put(event.eventId(), event));
        Map<String, List<JournalEvent>> effects = new HashMap<>();
        PriorityQueue<JournalEvent> ready = new PriorityQueue<>(BY_TIME);
        for (JournalEvent event : byId.values()) {
            Optional<JournalEvent> cause = causeAmong(event, byId);
            if (cause.isPresent()) {
                effects.computeIfAbsent(cause.get().eventId(), id -> new ArrayList<>()).add(event);
            } else {
                ready.add(event);
            }
        }
        List<Step> steps = new ArrayList<>();
        Map<String, JournalEvent> unreached = new HashMap<>(byId);
        while (!ready.isEmpty()) {
            JournalEvent next = ready.poll();
            unreached.remove(next.eventId());
            steps.add(new Step(next, causeAmong(next, byId)));
            ready.addAll(effects.getOrDefault(next.eventId(), List.of()));
        }
        // events that cause each other (a producer's defect) have no first one: shown last, by time, not lost
        unreached.values().stream().sorted(BY_TIME).forEach(event -> steps.add(new Step(event, causeAmong(event,
                byId))));
        return new Journey(steps);
    }

    public List<Step> steps() {
        return steps;
    }

    /** Where the saga stands after all of these facts. */
    public Optional<SagaState> state() {
        SagaState state = null;
        for (Step step : steps) {
            state = step.event().fact().after(state);
        }
        return Optional.ofNullable(state);
    }

    /** The cause among this order's events; an event that names itself has none. */
    private static Optional<JournalEvent> causeAmong(JournalEvent event, Map<String, JournalEvent> byId) {
        return event.cause().filter(id -> !id.equals(event.eventId())).map(byId::get);
    }
}

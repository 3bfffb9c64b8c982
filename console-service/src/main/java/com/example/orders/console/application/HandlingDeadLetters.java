package com.example.orders.console.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The dead-letter page's work: every group's letters, one letter opened, a redrive after a fix. A redrive publishes
 * each pending event once more as the same CloudEvent to where it came from; every consumer skips what it applied, so
 * only the group that failed it applies it now.
 */
@ApplicationScoped
public class HandlingDeadLetters {

    private final DeadLetterQueues queues;

    HandlingDeadLetters(DeadLetterQueues queues) {
        this.queues = queues;
    }

    public record GroupLetters(String group, List<DeadLetterQueues.Letter> letters) {

        public long pending() {
            return letters.stream().filter(letter -> !letter.redriven()).count();
        }
    }

    public List<GroupLetters> everyGroup() {
        Map<String, List<DeadLetterQueues.Letter>> letters = queues.everyGroupsLetters();
        List<GroupLetters> groups = new ArrayList<>();
        for (String group : queues.groups()) {
            groups.add(new GroupLetters(group, letters.getOrDefault(group, List.of())));
        }
        return groups;
    }

    /** The dead letters of one order, in every group. */
    public List<DeadLetterQueues.Letter> ofOrder(String orderId) {
        return everyGroup().stream().flatMap(group -> group.letters().stream())
                .filter(letter -> letter.orderId().equals(orderId)).toList();
    }

    public Optional<DeadLetterQueues.Opened> open(String group, int partition, long offset) {
        requireKnown(group);
        return queues.open(group, partition, offset);
    }

    public DeadLetterQueues.Redriven redrive(String group, Optional<String> ceId) {
        requireKnown(group);
        return queues.redrive(group, ceId.filter(id -> !id.isBlank()));
    }

    private void requireKnown(String group) {
        if (!queues.groups().contains(group)) {
            throw new OperationNotDone("there is no consumer group " + group + "; the groups are " + queues.groups(),
                    null);
        }
    }
}

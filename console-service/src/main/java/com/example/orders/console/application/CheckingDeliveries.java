package com.example.orders.console.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.orders.console.domain.JournalEvent;

/**
 * Which consumer groups applied each event of an order: a group that committed past the event's offset has applied it,
 * unless the event lies in its dead-letter topic; and the order's dead letters in every group. Asks the broker, so it
 * blocks.
 */
@ApplicationScoped
public class CheckingDeliveries {

    private final ConsumerGroups groups;
    private final HandlingDeadLetters deadLetters;
    private final ServiceAdmin services;

    CheckingDeliveries(ConsumerGroups groups, HandlingDeadLetters deadLetters, ServiceAdmin services) {
        this.groups = groups;
        this.deadLetters = deadLetters;
        this.services = services;
    }

    /** What each service holds for the order now, asked of the services with the operator's token. */
    public ServiceAdmin.Holdings holdingsOf(String orderId, String operatorToken) {
        return services.holdingsOf(orderId, operatorToken);
    }

    public enum State {
        APPLIED, NOT_YET, DEAD_LETTERED, REDRIVEN
    }

    public record GroupDelivery(String group, State state) {
    }

    /**
     * @param unavailable
     *            why the broker could not be asked, when it could not (the page shows the journal without this)
     */
    public record Deliveries(Map<String, List<GroupDelivery>> byEvent, List<DeadLetterQueues.Letter> deadLetters,
            Optional<String> unavailable) {

        public List<GroupDelivery> of(String eventId) {
            return byEvent.getOrDefault(eventId, List.of());
        }
    }

    public Deliveries of(String orderId, List<JournalEvent> events) {
        try {
            List<ConsumerGroups.GroupLag> lags = groups.lags();
            List<DeadLetterQueues.Letter> letters = deadLetters.ofOrder(orderId);
            Map<String, List<GroupDelivery>> byEvent = new LinkedHashMap<>();
            for (JournalEvent event : events) {
                List<GroupDelivery> deliveries = new ArrayList<>();
                for (ConsumerGroups.GroupLag group : lags) {
                    group.partitions().stream()
                            .filter(partition -> partition.topic().equals(event.topic())
                                    && partition.partition() == event.partition())
                            .findFirst()
                            .ifPresent(partition -> deliveries.add(new GroupDelivery(group.group(),
                                    state(event, group.group(), partition, letters))));
                }
                byEvent.put(event.eventId(), deliveries);
            }
            return new Deliveries(byEvent, letters, Optional.empty());
        } catch (OperationNotDone e) {
            return new Deliveries(Map.of(), List.of(), Optional.of(e.getMessage()));
        }
    }

    private static State state(JournalEvent event, String group, ConsumerGroups.PartitionLag partition,
            List<DeadLetterQueues.Letter> letters) {
        List<DeadLetterQueues.Letter> died = letters.stream()
                .filter(letter -> letter.group().equals(group) && letter.ceId().equals(event.eventId())).toList();
        if (died.stream().anyMatch(letter -> !letter.redriven())) {
            return State.DEAD_LETTERED;
        }
        if (!died.isEmpty()) {
            return State.REDRIVEN;
        }
        return partition.committed() > event.offset() ? State.APPLIED : State.NOT_YET;
    }
}

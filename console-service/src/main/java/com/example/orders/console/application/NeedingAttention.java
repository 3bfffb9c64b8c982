package com.example.orders.console.application;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the overview says needs a look now, besides overdue orders: groups with pending dead letters, and groups further
 * behind than {@code console.lag-threshold}. Asks the broker, so it blocks.
 */
@ApplicationScoped
public class NeedingAttention {

    private final HandlingDeadLetters deadLetters;
    private final ConsumerGroups groups;
    private final ConsoleConfig config;

    NeedingAttention(HandlingDeadLetters deadLetters, ConsumerGroups groups, ConsoleConfig config) {
        this.deadLetters = deadLetters;
        this.groups = groups;
        this.config = config;
    }

    public record Pending(String group, long letters) {
    }

    public record Lagging(String group, long lag, int members) {
    }

    /**
     * @param unavailable
     *            why the broker could not be asked, when it could not
     */
    public record Attention(List<Pending> deadLetters, List<Lagging> lagging, long lagThreshold,
            Optional<String> unavailable) {
    }

    public Attention now() {
        try {
            List<Pending> pending = deadLetters.everyGroup().stream()
                    .filter(group -> group.pending() > 0)
                    .map(group -> new Pending(group.group(), group.pending())).toList();
            List<Lagging> lagging = groups.lags().stream()
                    .filter(group -> group.total() > config.lagThreshold())
                    .map(group -> new Lagging(group.group(), group.total(), group.members())).toList();
            return new Attention(pending, lagging, config.lagThreshold(), Optional.empty());
        } catch (OperationNotDone e) {
            return new Attention(List.of(), List.of(), config.lagThreshold(), Optional.of(e.getMessage()));
        }
    }
}

package com.example.orders.console.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.example.orders.console.domain.Journey;
import com.example.orders.console.domain.OrderSummary;

import io.smallrye.mutiny.Uni;

/** What the console's pages show of the orders: one order's journey, a search, the last hour. */
@ApplicationScoped
public class ReadingJourneys {

    static final int SEARCH_LIMIT = 50;
    static final int ATTENTION_LIMIT = 20;

    private final Journal journal;
    private final ConsoleConfig config;
    private final Clock clock;

    @Inject
    ReadingJourneys(Journal journal, ConsoleConfig config) {
        this(journal, config, Clock.systemUTC());
    }

    ReadingJourneys(Journal journal, ConsoleConfig config, Clock clock) {
        this.journal = journal;
        this.config = config;
        this.clock = clock;
    }

    /** An order and its events; the summary is empty for an order none of whose events were read yet. */
    public record OrderJourney(String orderId, Optional<OrderSummary> summary, Journey journey) {

        public boolean known() {
            return summary.isPresent() || !journey.steps().isEmpty();
        }
    }

    /** The last hour: how many orders were placed, how each ended, and the open ones past their deadline. */
    public record LastHour(Instant from, Instant to, long placed, List<OrderSummary> ended,
            List<OrderSummary> overdue, Duration overdueAfter) {
    }

    public Uni<OrderJourney> journeyOf(String orderId) {
        return journal.order(orderId)
                .flatMap(summary -> journal.eventsOf(orderId)
                        .map(events -> new OrderJourney(orderId, summary, Journey.of(events))));
    }

    public Uni<List<OrderSummary>> search(String text) {
        return journal.search(text.strip(), SEARCH_LIMIT);
    }

    public Uni<LastHour> lastHour() {
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofHours(1));
        return journal.placedSince(from)
                .flatMap(placed -> journal.endedSince(from)
                        .flatMap(ended -> journal.openSince(now.minus(config.overdueAfter()), ATTENTION_LIMIT)
                                .map(overdue -> new LastHour(from, now, placed, ended, overdue,
                                        config.overdueAfter()))));
    }
}

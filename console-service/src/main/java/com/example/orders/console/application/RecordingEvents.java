package com.example.orders.console.application;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.orders.console.domain.JournalEvent;

import io.smallrye.mutiny.Uni;

/**
 * Keeps every event of every order in the journal, in the consumer's transaction (which also marks it applied, so a
 * redelivered or replayed event is written once).
 */
@ApplicationScoped
public class RecordingEvents {

    private final Journal journal;

    RecordingEvents(Journal journal) {
        this.journal = journal;
    }

    public Uni<Void> record(JournalEvent event, Optional<String> customerId, Optional<String> reason) {
        return journal.record(event, customerId, reason);
    }
}

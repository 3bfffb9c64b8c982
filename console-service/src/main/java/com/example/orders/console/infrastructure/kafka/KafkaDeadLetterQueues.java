package com.example.orders.console.infrastructure.kafka;

import static com.example.orders.console.infrastructure.OperationCalls.attempt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.example.orders.console.application.DeadLetterQueues;
import com.example.orders.events.ConsumerCatalogue;
import com.example.orders.operations.DeadLetters;

/** The dead-letter topics on the suite's broker, through the very code of {@code ./suite dlq}. */
@ApplicationScoped
class KafkaDeadLetterQueues implements DeadLetterQueues {

    private final DeadLetters deadLetters;
    private final List<String> groups;

    KafkaDeadLetterQueues(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.deadLetters = new DeadLetters(bootstrapServers);
        this.groups = ConsumerCatalogue.load().consumers().stream().map(ConsumerCatalogue.Consumer::group)
                .distinct().toList();
    }

    @Override
    public List<String> groups() {
        return groups;
    }

    @Override
    public Map<String, List<Letter>> everyGroupsLetters() {
        return attempt(() -> {
            Map<String, List<Letter>> letters = new LinkedHashMap<>();
            deadLetters.listAll(groups).forEach((group, list) -> letters.put(group, list.stream()
                    .map(letter -> letter(group, letter)).toList()));
            return letters;
        });
    }

    @Override
    public Optional<Opened> open(String group, int partition, long offset) {
        return attempt(() -> deadLetters.hasDeadLetterTopic(group)
                ? deadLetters.open(group, partition, offset).map(opened -> new Opened(letter(group, opened.letter()),
                        opened.key(), opened.headers(), opened.value()))
                : Optional.empty());
    }

    @Override
    public Redriven redrive(String group, Optional<String> ceId) {
        return attempt(() -> {
            DeadLetters.Redrive done = deadLetters.redrive(group, ceId);
            return new Redriven(done.redriven(), done.duplicatesFolded(), done.withoutOrigin());
        });
    }

    private static Letter letter(String group, DeadLetters.DeadLetter letter) {
        return new Letter(group, letter.partition(), letter.offset(), letter.ceId().orElse("-"), letter.type(),
                letter.orderId(), letter.reason(), letter.origin(), letter.diedAt(), letter.redriven());
    }

    @PreDestroy
    void close() {
        deadLetters.close();
    }
}

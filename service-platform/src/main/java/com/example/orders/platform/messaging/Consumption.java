package com.example.orders.platform.messaging;

import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import com.example.orders.events.EventEnvelope;
import com.example.orders.events.InvalidEventException;
import com.example.orders.platform.inbox.AppliedEvents;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * How every consumer applies a record: read it as an event of the contract, then apply its effect once, in one
 * transaction with the mark that it was applied ({@link AppliedEvents}). A failed transaction is tried again a bounded
 * number of times with backoff (a lock timeout, a database restart); a record that is not an event of the contract is
 * not, since reading it again cannot help. What still fails is nacked, and the connector's dead-letter-queue strategy
 * sends it to {@code <group>.dlq} with the reason while the consumer carries on.
 */
@ApplicationScoped
public class Consumption {

    private static final Logger LOG = Logger.getLogger(Consumption.class);

    private final AppliedEvents appliedEvents;
    private final ConsumptionConfig config;
    private final MeterRegistry metrics;

    Consumption(AppliedEvents appliedEvents, ConsumptionConfig config, MeterRegistry metrics) {
        this.appliedEvents = appliedEvents;
        this.config = config;
        this.metrics = metrics;
    }

    /** Counts a record sent to the dead-letter topic: {@code messaging_dead_letters_total{topic}}. */
    private void countDeadLetter(String topic) {
        metrics.counter("messaging.dead.letters", "topic", topic).increment();
    }

    public <T extends Record> Uni<Void> applyOnce(ConsumerRecord<String, byte[]> record, Class<T> payloadType,
            BiFunction<EventEnvelope, T, Uni<Void>> effect) {
        InboundEvent<T> event;
        try {
            event = InboundEvent.read(record, payloadType);
        } catch (InvalidEventException e) {
            countDeadLetter(record.topic());
            return Uni.createFrom().failure(e);
        }
        return Uni.createFrom()
                .deferred(() -> Panache.withTransaction(() -> appliedEvents.applyOnce(event,
                        payload -> effect.apply(event.envelope(), payload))))
                .onFailure().invoke(failure -> LOG.debugf("%s %s failed, to be tried again: %s",
                        event.envelope().type().ceType(), event.envelope().id(), failure.toString()))
                .onFailure().retry()
                .withBackOff(config.initialBackoff(), config.maxBackoff())
                .atMost(config.retries())
                .onFailure()
                .invoke(failure -> {
                    countDeadLetter(record.topic());
                    LOG.warnf("%s %s of order %s failed %d times, to the dead-letter topic: %s",
                            event.envelope().type().ceType(), event.envelope().id(), event.envelope().subject(),
                            config.retries() + 1, failure.toString());
                });
    }
}

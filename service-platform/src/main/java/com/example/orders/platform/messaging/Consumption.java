package com.example.orders.platform.messaging;

import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import com.example.orders.events.EventEnvelope;
import com.example.orders.events.InvalidEventException;
import com.example.orders.platform.inbox.AppliedEvents;
import com.example.orders.platform.outage.Outages;
import com.example.orders.platform.outage.TransientFailures;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * How every consumer applies a record: read it as an event of the contract, then apply its effect once, in one
 * transaction with the mark that it was applied ({@link AppliedEvents}). What happens when that fails depends on why
 * ({@link TransientFailures}, decided once for every consumer):
 * <ul>
 * <li>a record that is not an event of the contract goes to the dead-letter topic at once: reading it again cannot
 * help;</li>
 * <li>an outage (its database away, a lock timeout, no connection to be had) is waited out: the record is held, and
 * with it every later record of its topic, tried again with capped exponential backoff for as long as it takes, and
 * applied when the dependency returns; readiness is DOWN meanwhile ({@link Outages});</li>
 * <li>any other failure (a broken domain rule, a fact about an order this service never heard of) is tried again a
 * bounded number of times, then nacked, and the connector's dead-letter-queue strategy sends it to {@code <group>.dlq}
 * with the reason while the consumer carries on.</li>
 * </ul>
 */
@ApplicationScoped
public class Consumption {

    private static final Logger LOG = Logger.getLogger(Consumption.class);

    private final AppliedEvents appliedEvents;
    private final ConsumptionConfig config;
    private final MeterRegistry metrics;
    private final Outages outages;

    Consumption(AppliedEvents appliedEvents, ConsumptionConfig config, MeterRegistry metrics, Outages outages) {
        this.appliedEvents = appliedEvents;
        this.config = config;
        this.metrics = metrics;
        this.outages = outages;
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
            LOG.warnf("a record at %s-%d@%d is not an event of the contract, to the dead-letter topic: %s",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
            return Uni.createFrom().failure(e);
        }
        Outages.Wait held = outages.consumerOf(record.topic()).hold();
        return Uni.createFrom()
                .deferred(() -> Panache.withTransaction(() -> appliedEvents.applyOnce(event,
                        payload -> effect.apply(event.envelope(), payload))))
                .onFailure(TransientFailures::isTransient).invoke(held::failedTransiently)
                .onFailure(TransientFailures::isTransient).retry()
                .withBackOff(config.initialBackoff(), config.outageMaxBackoff())
                .indefinitely()
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
                })
                .onTermination().invoke(held::ended);
    }
}

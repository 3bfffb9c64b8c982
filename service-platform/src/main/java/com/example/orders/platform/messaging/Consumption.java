package com.example.orders.platform.messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import com.example.orders.events.EventEnvelope;
import com.example.orders.events.InvalidEventException;
import com.example.orders.platform.commit.AfterCommit;
import com.example.orders.platform.inbox.AppliedEvents;
import com.example.orders.platform.outage.Outages;
import com.example.orders.platform.outage.TransientFailures;
import com.example.orders.platform.persistence.NativeSql;
import com.example.orders.platform.saga.Cause;
import com.example.orders.platform.tracing.TraceContexts;
import com.example.orders.platform.tracing.Tracing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * How every consumer applies records: read each as an event of the contract, then apply its effect once, in one
 * transaction with the mark that it was applied ({@link AppliedEvents}). Records come in batches ({@link EventChannel}:
 * whatever arrived while the previous batch was applied), and a batch is applied in one transaction, in the order the
 * records arrived, so each order's events keep their order and a loaded service pays for one commit, one lock and one
 * applied-event insert per batch instead of per record. What happens when that fails depends on why
 * ({@link TransientFailures}, decided once for every consumer):
 * <ul>
 * <li>a record that is not an event of the contract goes to the dead-letter topic at once: reading it again cannot
 * help;</li>
 * <li>an outage (its database away, a lock timeout, no connection to be had) is waited out: the batch is held, and with
 * it every later record of its topic, tried again with capped exponential backoff for as long as it takes, and applied
 * when the dependency returns; readiness is DOWN meanwhile ({@link Outages});</li>
 * <li>any other failure (a broken domain rule, a fact about an order this service never heard of) rolls the batch back,
 * and its records are applied one by one, each in its own transaction: each is tried again a bounded number of times,
 * and one that still fails goes to {@code <group>.dlq} with the reason ({@link DeadLetters}) while the others are
 * applied and the consumer carries on.</li>
 * </ul>
 * Every transaction of a consumer takes the service's consumption lock first, so batches of different topics never
 * deadlock on the rows they share (a product's stock, a day's figures); the work of one order is still serialised
 * against requests and background work by the order's own lock.
 */
@ApplicationScoped
public class Consumption {

    private static final Logger LOG = Logger.getLogger(Consumption.class);
    /**
     * One line per event a consumer applies, with its order id, ce_id, group and trace in the log context: set
     * {@code quarkus.log.category."com.example.orders.events".level=WARN} to silence it.
     */
    private static final Logger EVENTS = Logger.getLogger("com.example.orders.events");

    private final AppliedEvents appliedEvents;
    private final DeadLetters deadLetters;
    private final ConsumptionConfig config;
    private final Outages outages;
    private final Tracing tracing;
    /** {@code platform.consumer.drill-fail-records-mentioning}, when a drill sets it. */
    private final Optional<String> drillFault;

    Consumption(AppliedEvents appliedEvents, DeadLetters deadLetters, ConsumptionConfig config, Outages outages,
            Tracing tracing) {
        this.appliedEvents = appliedEvents;
        this.tracing = tracing;
        this.deadLetters = deadLetters;
        this.config = config;
        this.outages = outages;
        this.drillFault = config.drillFailRecordsMentioning().filter(text -> !text.isBlank());
        drillFault.ifPresent(text -> LOG.warnf("DRILL: every record that mentions %s fails "
                + "(platform.consumer.drill-fail-records-mentioning); unset it to end the drill", text));
    }

    /**
     * The live consumer of one topic, returned by the service's {@code @Incoming} method: it applies the topic's
     * records in batches with {@link #applyAll}.
     */
    public <T extends Record> EventChannel channel(Class<T> payloadType,
            BiFunction<Cause, T, Uni<Void>> effect) {
        return deliveryChannel(payloadType, (cause, delivery) -> effect.apply(cause, delivery.payload()));
    }

    /**
     * As {@link #channel}, for a consumer whose effect needs the whole event as it arrived: its envelope and where it
     * was read ({@link Delivery}). Everything else (batches, once only, outages waited out, dead letters) is the same.
     */
    public <T extends Record> EventChannel deliveryChannel(Class<T> payloadType,
            BiFunction<Cause, Delivery<T>, Uni<Void>> effect) {
        BiFunction<Cause, Delivery<T>, Uni<Void>> live = drillFault.map(text -> failingOn(text, effect))
                .orElse(effect);
        return new EventChannel(records -> applyDeliveries(records, payloadType, live), config.maxBatch());
    }

    /** {@code effect}, but failing as a faulty release would for every event that mentions {@code text}. */
    private static <T extends Record> BiFunction<Cause, Delivery<T>, Uni<Void>> failingOn(String text,
            BiFunction<Cause, Delivery<T>, Uni<Void>> effect) {
        return (cause, event) -> {
            if (event.payload().toString().contains(text)) {
                return Uni.createFrom().failure(new IllegalStateException("drill fault: every record that mentions "
                        + text + " fails (platform.consumer.drill-fail-records-mentioning)"));
            }
            return effect.apply(cause, event);
        };
    }

    /**
     * Applies records of one topic, in their order. It fails only when the service stops: every record ends applied
     * (now or before) or in the dead-letter topic.
     */
    public <T extends Record> Uni<Void> applyAll(List<ConsumerRecord<String, byte[]>> records, Class<T> payloadType,
            BiFunction<Cause, T, Uni<Void>> effect) {
        return applyDeliveries(records, payloadType, (cause, delivery) -> effect.apply(cause, delivery.payload()));
    }

    private <T extends Record> Uni<Void> applyDeliveries(List<ConsumerRecord<String, byte[]>> records,
            Class<T> payloadType, BiFunction<Cause, Delivery<T>, Uni<Void>> effect) {
        Map<String, Received<T>> events = new LinkedHashMap<>();
        List<Uni<Void>> letters = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                InboundEvent<T> event = InboundEvent.read(record, payloadType);
                // the same event twice in one batch (published again after a crash of the relay): the first counts
                events.putIfAbsent(event.envelope().id(), new Received<>(record, event));
            } catch (InvalidEventException e) {
                LOG.warnf("a record at %s-%d@%d is not an event of the contract, to the dead-letter topic: %s",
                        record.topic(), record.partition(), record.offset(), e.getMessage());
                letters.add(deadLetter(record, e));
            }
        }
        Uni<Void> invalid = inTurn(letters, letter -> letter);
        List<Received<T>> valid = List.copyOf(events.values());
        if (valid.isEmpty()) {
            return invalid;
        }
        if (valid.size() == 1) {
            return invalid.chain(() -> applyOrDeadLetter(valid.get(0), effect));
        }
        return invalid.chain(() -> whileAway(valid.get(0).record().topic(), inOneTransaction(valid, effect))
                .onFailure(failure -> !TransientFailures.isTransient(failure)).recoverWithUni(failure -> {
                    LOG.debugf("a batch of %d records of %s failed (%s); applying them one by one", valid.size(),
                            valid.get(0).record().topic(), failure.toString());
                    return inTurn(valid, one -> applyOrDeadLetter(one, effect));
                }));
    }

    /**
     * Applies one record's effect unless it was applied before, in a transaction of its own, trying again as described
     * above, but without the dead-letter step of {@link #applyAll}: for tests that need to see the failure.
     *
     * @return a failure when the record is not an event of the contract, or once the bounded attempts are spent
     */
    public <T extends Record> Uni<Void> applyOnce(ConsumerRecord<String, byte[]> record, Class<T> payloadType,
            BiFunction<Cause, T, Uni<Void>> effect) {
        InboundEvent<T> event;
        try {
            event = InboundEvent.read(record, payloadType);
        } catch (InvalidEventException e) {
            return Uni.createFrom().failure(e);
        }
        return applyEvent(new Received<>(record, event),
                (cause, delivery) -> effect.apply(cause, delivery.payload()));
    }

    private <T extends Record> Uni<Void> applyOrDeadLetter(Received<T> received,
            BiFunction<Cause, Delivery<T>, Uni<Void>> effect) {
        EventEnvelope envelope = received.event().envelope();
        return applyEvent(received, effect).onFailure().recoverWithUni(failure -> {
            LOG.warnf("%s %s of order %s failed %d times, to the dead-letter topic: %s", envelope.type().ceType(),
                    envelope.id(), envelope.subject(), config.retries() + 1, failure.toString());
            return deadLetter(received.record(), failure);
        });
    }

    private <T extends Record> Uni<Void> applyEvent(Received<T> received,
            BiFunction<Cause, Delivery<T>, Uni<Void>> effect) {
        EventEnvelope envelope = received.event().envelope();
        return whileAway(received.record().topic(), inOneTransaction(List.of(received), effect))
                .onFailure().invoke(failure -> LOG.debugf("%s %s failed, to be tried again: %s",
                        envelope.type().ceType(), envelope.id(), failure.toString()))
                .onFailure().retry()
                .withBackOff(config.initialBackoff(), config.maxBackoff())
                .atMost(config.retries());
    }

    /**
     * Applies the records in one transaction: the consumption lock, the marks of all in one statement, then each effect
     * not applied before, in order.
     */
    private <T extends Record> Uni<Void> inOneTransaction(List<Received<T>> batch,
            BiFunction<Cause, Delivery<T>, Uni<Void>> effect) {
        return AfterCommit.inTransaction(() -> lockConsumption()
                .chain(() -> appliedEvents.markApplied(batch.stream().map(one -> one.event().envelope()).toList()))
                .chain(firstTime -> inTurn(batch, one -> {
                    EventEnvelope envelope = one.event().envelope();
                    if (!firstTime.contains(envelope.id())) {
                        LOG.debugf("skipped %s %s for order %s: applied before", envelope.type().ceType(),
                                envelope.id(), envelope.subject());
                        return Uni.createFrom().voidItem();
                    }
                    // each effect's writes reach the database before the next effect reads, as they would alone;
                    // then the session forgets its entities, or every later flush would check all of them again
                    return traced(one, cause -> effect.apply(cause, one.delivery()))
                            .chain(() -> Panache.getSession().chain(session -> session.flush().invoke(session::clear)));
                })));
    }

    /**
     * Runs one record's effect in the span of its handling ({@link Tracing#handling}): the cause the effect sees names
     * that span, so what the effect emits continues the record's trace. An attempt that fails ends its span as failed;
     * the next attempt has a span of its own.
     */
    private <T extends Record> Uni<Void> traced(Received<T> one, Function<Cause, Uni<Void>> effect) {
        return Uni.createFrom().deferred(() -> {
            EventEnvelope envelope = one.event().envelope();
            Tracing.Handling handling = tracing.handling(one.record(), envelope.id(), envelope.subject());
            TraceContexts.W3cTrace trace = handling.trace();
            Cause cause = one.event().cause().handledIn(trace == null ? envelope.traceparent() : trace.traceparent());
            EVENTS.infof("applying %s from %s", envelope.type().ceType(), envelope.source());
            return effect.apply(cause).onTermination().invoke((ignored, failure, cancelled) -> handling.end(failure));
        });
    }

    /** Runs the work of each item, one after the other, in the items' order. */
    private static <I> Uni<Void> inTurn(List<I> items, Function<I, Uni<Void>> work) {
        return Multi.createFrom().iterable(items).onItem().<Void>transformToUniAndConcatenate(work::apply)
                .collect().last().replaceWithVoid();
    }

    /** Retries the work for as long as its dependency is away, counting it as held meanwhile. */
    private Uni<Void> whileAway(String topic, Uni<Void> work) {
        Outages.Wait held = outages.consumerOf(topic).hold();
        return work
                .onFailure(TransientFailures::isTransient).invoke(held::failedTransiently)
                .onFailure(TransientFailures::isTransient).retry()
                .withBackOff(config.initialBackoff(), config.outageMaxBackoff())
                .indefinitely()
                .onTermination().invoke(held::ended);
    }

    /** Sends the record to the dead-letter topic, waiting out a broker that is away. */
    private Uni<Void> deadLetter(ConsumerRecord<String, byte[]> record, Throwable reason) {
        return Uni.createFrom().deferred(() -> deadLetters.send(record, reason))
                .onFailure().invoke(failure -> LOG.warnf("could not write the dead letter of %s-%d@%d yet: %s",
                        record.topic(), record.partition(), record.offset(), failure.toString()))
                .onFailure().retry()
                .withBackOff(config.initialBackoff(), config.outageMaxBackoff())
                .indefinitely();
    }

    /** The service's consumption lock, held to the end of the transaction (see the class comment). */
    private static Uni<Void> lockConsumption() {
        return Panache.getSession()
                .chain(session -> NativeSql.single(session, Long.class, """
                        select count(*) from (select pg_advisory_xact_lock(hashtext('consumption'))) as locked"""))
                .replaceWithVoid();
    }

    private record Received<T extends Record>(ConsumerRecord<String, byte[]> record, InboundEvent<T> event) {

        Delivery<T> delivery() {
            return new Delivery<>(event.envelope(), event.payload(), record.topic(), record.partition(),
                    record.offset());
        }
    }
}

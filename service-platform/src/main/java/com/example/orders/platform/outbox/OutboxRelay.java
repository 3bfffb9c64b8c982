package com.example.orders.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.example.orders.events.CloudEventHeaders;
import com.example.orders.events.EventEnvelope;
import com.example.orders.events.EventSerde;
import com.example.orders.events.EventType;
import com.example.orders.platform.background.BackgroundWorker;
import com.example.orders.platform.background.CommitNotifications;
import com.example.orders.platform.outage.Outages;
import com.example.orders.platform.persistence.NativeSql;
import com.example.orders.platform.tracing.TraceContexts;
import com.example.orders.platform.tracing.Tracing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.quarkus.arc.All;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Publishes the outbox to Kafka: rows in position order, each to its event's topic, keyed by order id, with the
 * CloudEvents headers; a row is deleted only once the broker has acknowledged it (acks=all, idempotent producer), so a
 * crash publishes it again and never loses it, and consumers de-duplicate on {@code ce_id}. Each publish is a span, a
 * child of the work that appended the row, and the record's {@code traceparent} names it, so the consumers continue the
 * trace ({@link Tracing}).
 * <p>
 * It wakes when an append commits ({@link CommitNotifications}, from the outbox trigger), and also on a timer in case a
 * notification was missed. One relay per database publishes at a time (a transaction-scoped advisory lock), so replicas
 * of a service never reorder an order's events.
 * <p>
 * While an event has a {@link NextVersion}, each of its rows goes out in both versions, the row deleted once both are
 * acknowledged.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final String CHANNEL = "outbox_event";

    private final OutboxConfig config;
    private final String bootstrapServers;
    private final CommitNotifications.Wakeup wakeUp;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicReference<Instant> oldestPending = new AtomicReference<>();
    private final Counter published;
    private final Outages.Waiter outage;
    private final Tracing tracing;
    private final Map<EventType, List<NextVersion<Record, Record>>> nextVersions;

    private BackgroundWorker worker;
    private KafkaProducer<String, byte[]> producer;

    OutboxRelay(OutboxConfig config, CommitNotifications commits, MeterRegistry meters, Outages outages,
            Tracing tracing, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @All List<NextVersion<?, ?>> nextVersions) {
        this.config = config;
        this.tracing = tracing;
        this.nextVersions = byReplacedEvent(nextVersions);
        this.bootstrapServers = bootstrapServers;
        this.wakeUp = commits.listen(CHANNEL);
        Gauge.builder("outbox.pending.events", pending, AtomicLong::get)
                .description("Events committed but not yet acknowledged by Kafka")
                .register(meters);
        // the age of the oldest row the relay last saw waiting: it grows while the relay cannot publish (Kafka away,
        // the database away), and drops to 0 once the outbox is empty
        Gauge.builder("outbox.lag.seconds", oldestPending, oldest -> oldest.get() == null
                ? 0
                : Math.max(0, Duration.between(oldest.get(), Instant.now()).toMillis() / 1000.0))
                .description("Age of the oldest event committed and not yet acknowledged by Kafka")
                .register(meters);
        this.published = Counter.builder("outbox.published.events").register(meters);
        this.outage = outages.worker("outbox-relay", true);
    }

    void start(@Observes StartupEvent startup) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                // an event leaves the moment the relay reads its row; under load the rest of a round's rows gather
                // behind the request in flight, so batches still form (bench/results/README.md: idle p50 -6 to -16 ms)
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay"), new StringSerializer(), new ByteArraySerializer());
        worker = BackgroundWorker.start("outbox-relay", wakeUp, config.pollInterval(), outage,
                () -> publishBatch() == config.batchSize());
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (worker != null) {
            worker.stop();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** @return how many events were published */
    private int publishBatch() throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> {
            Context context = Vertx.currentContext();
            return Panache.getSession()
                    .flatMap(session -> NativeSql.single(session, Boolean.class,
                            "select pg_try_advisory_xact_lock(hashtext('outbox_relay'))"))
                    .flatMap(leader -> leader ? nextBatch() : Uni.createFrom().item(List.<OutboxRow>of()))
                    .flatMap(rows -> rows.isEmpty()
                            ? Uni.createFrom().item(0)
                            : send(rows).emitOn(command -> context.runOnContext(ignored -> command.run()))
                                    .flatMap(ignored -> delete(rows))
                                    .invoke(() -> published.increment(rows.size()))
                                    .replaceWith(rows.size()))
                    .call(this::countPending);
        }));
    }

    private Uni<List<OutboxRow>> nextBatch() {
        return Panache.getSession()
                .flatMap(session -> NativeSql.rows(session, """
                        select position, event_id, event_type, source, subject, correlation_id, causation_id,
                               traceparent, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                               payload, tracestate
                        from outbox_event order by position limit $1""", config.batchSize()))
                .map(rows -> rows.stream().map(OutboxRow::of).toList());
    }

    private Uni<Void> send(List<OutboxRow> rows) {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (OutboxRow row : rows) {
            EventType type = row.envelope().type();
            byte[] payload = row.payload().getBytes(StandardCharsets.UTF_8);
            acks.add(publish(row, type.topic(), type.ceType(), payload));
            for (NextVersion<Record, Record> next : nextVersions.getOrDefault(type, List.of())) {
                byte[] translated = EventSerde.serialize(next.translate(EventSerde.deserialize(payload, type)));
                acks.add(publish(row, next.topic(), next.ceType(), translated));
            }
        }
        return Uni.createFrom().completionStage(CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)));
    }

    private CompletableFuture<Void> publish(OutboxRow row, String topic, String ceType, byte[] payload) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        EventEnvelope envelope = row.envelope();
        Span publish = tracing.publishing(topic, envelope.id(), envelope.subject(), envelope.traceparent(),
                row.tracestate());
        producer.send(row.toRecord(topic, ceType, payload, TraceContexts.of(publish.getSpanContext())),
                (metadata, error) -> {
                    Tracing.end(publish, error);
                    if (error != null) {
                        ack.completeExceptionally(error);
                    } else {
                        ack.complete(null);
                    }
                });
        return ack;
    }

    /**
     * At most one next version of an event, on a topic of its own, which the contract (once it lists the version) gives
     * the same ce_type: a misdeclared one stops the service starting.
     */
    @SuppressWarnings("unchecked")
    private static Map<EventType, List<NextVersion<Record, Record>>> byReplacedEvent(List<NextVersion<?, ?>> all) {
        for (NextVersion<?, ?> next : all) {
            boolean ownTopic = !next.topic().equals(next.replaces().topic());
            boolean asInContract = EventType.ofTopic(next.topic()).map(listed -> listed.ceType().equals(next.ceType()))
                    .orElse(EventType.ofCeType(next.ceType()).isEmpty());
            if (!ownTopic || !asInContract) {
                throw new IllegalStateException("the next version of " + next.replaces().ceType() + " must travel on a"
                        + " topic of its own, as the contract has it, not " + next.topic() + " as " + next.ceType());
            }
        }
        Map<EventType, List<NextVersion<Record, Record>>> byEvent = all.stream()
                .map(next -> (NextVersion<Record, Record>) next)
                .collect(Collectors.groupingBy(NextVersion::replaces));
        byEvent.forEach((event, versions) -> {
            if (versions.size() > 1) {
                throw new IllegalStateException(event.ceType() + " has " + versions.size() + " next versions ("
                        + versions.stream().map(NextVersion::topic).toList() + "): publish one beside it at a time");
            }
        });
        return byEvent;
    }

    private Uni<Integer> delete(List<OutboxRow> rows) {
        return Panache.getSession()
                .flatMap(session -> NativeSql.update(session, "delete from outbox_event where position = any($1)",
                        rows.stream().map(OutboxRow::position).toList()));
    }

    private Uni<Void> countPending(Object ignored) {
        return Panache.getSession()
                .flatMap(session -> NativeSql.rows(session, """
                        select count(*), to_char(min(occurred_at) at time zone 'UTC',
                                                 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
                        from outbox_event"""))
                .invoke(rows -> {
                    pending.set(((Number) rows.get(0)[0]).longValue());
                    String oldest = (String) rows.get(0)[1];
                    oldestPending.set(oldest == null ? null : Instant.parse(oldest));
                })
                .replaceWithVoid();
    }

    private record OutboxRow(long position, EventEnvelope envelope, String payload, String tracestate) {

        static OutboxRow of(Object[] columns) {
            EventType type = EventType.ofCeType((String) columns[2])
                    .orElseThrow(() -> new IllegalStateException("outbox holds an unknown event type " + columns[2]));
            EventEnvelope envelope = new EventEnvelope((String) columns[1], (String) columns[3], type,
                    Instant.parse((String) columns[8]), (String) columns[4], (String) columns[5], (String) columns[6],
                    (String) columns[7]);
            return new OutboxRow(((Number) columns[0]).longValue(), envelope, (String) columns[9],
                    (String) columns[10]);
        }

        /**
         * The record of this row on {@code topic}, as {@code ceType}, its trace context the publish's (the row's own
         * when nothing is traced here).
         */
        ProducerRecord<String, byte[]> toRecord(String topic, String ceType, byte[] payload,
                Optional<TraceContexts.W3cTrace> publish) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, envelope.subject(), payload);
            TraceContexts.W3cTrace trace = publish.orElse(new TraceContexts.W3cTrace(envelope.traceparent(),
                    tracestate));
            envelope.withTraceparent(trace.traceparent()).writeTo(record.headers());
            if (!ceType.equals(envelope.type().ceType())) {
                record.headers().remove(CloudEventHeaders.TYPE);
                record.headers().add(CloudEventHeaders.TYPE, ceType.getBytes(StandardCharsets.UTF_8));
            }
            if (trace.tracestate() != null) {
                record.headers().add(CloudEventHeaders.TRACESTATE, trace.tracestate().getBytes(StandardCharsets.UTF_8));
            }
            return record;
        }
    }
}

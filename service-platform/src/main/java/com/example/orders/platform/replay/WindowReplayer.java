package com.example.orders.platform.replay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.example.orders.events.CloudEventHeaders;
import com.example.orders.platform.inbox.AppliedEvents;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Reads one partition's window with a Kafka reader of its own, outside the consumer group, and feeds its records to the
 * consumer the live channel uses, a poll at a time, counting as it goes: records the consumer applied before (its
 * applied-event table) are skipped, and what the consumer cannot apply it sends to the dead-letter topic itself, as a
 * live failure would. A dry run only counts.
 */
@ApplicationScoped
class WindowReplayer {

    private static final Duration STALL = Duration.ofSeconds(30);

    private final ConsumedTopics consumedTopics;
    private final AppliedEvents appliedEvents;
    private final String bootstrapServers;

    WindowReplayer(ConsumedTopics consumedTopics, AppliedEvents appliedEvents,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.consumedTopics = consumedTopics;
        this.appliedEvents = appliedEvents;
        this.bootstrapServers = bootstrapServers;
    }

    /** A reader for one replay: no group, no committed offsets, assigned partition by partition. */
    KafkaConsumer<String, byte[]> openReader() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200), new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * @throws IllegalStateException
     *             when the window cannot be read to its end (the broker has nothing more for {@link #STALL})
     */
    void replay(ReplayProgress progress, boolean dryRun, KafkaConsumer<String, byte[]> reader) throws Throwable {
        Replays.Window window = progress.window;
        TopicPartition partition = new TopicPartition(window.topic(), window.partition());
        Function<List<ConsumerRecord<String, byte[]>>, Uni<Void>> consumer = consumedTopics.consumerOf(
                partition.topic());
        reader.assign(List.of(partition));
        reader.seek(partition, window.from());
        Instant lastProgress = Instant.now();
        while (reader.position(partition) < window.to()) {
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
            reader.poll(Duration.ofMillis(500)).records(partition).stream()
                    .filter(record -> record.offset() < window.to())
                    .forEach(batch::add);
            if (batch.isEmpty()) {
                if (Duration.between(lastProgress, Instant.now()).compareTo(STALL) > 0) {
                    throw new IllegalStateException("cannot read " + partition + " beyond offset "
                            + reader.position(partition));
                }
                continue;
            }
            lastProgress = Instant.now();
            feed(batch, progress, dryRun, consumer);
        }
    }

    private void feed(List<ConsumerRecord<String, byte[]>> batch, ReplayProgress progress, boolean dryRun,
            Function<List<ConsumerRecord<String, byte[]>>, Uni<Void>> consumer) throws Throwable {
        Set<String> applied = appliedAmong(batch.stream().map(WindowReplayer::ceId).flatMap(Optional::stream)
                .toList());
        List<ConsumerRecord<String, byte[]>> toApply = new ArrayList<>();
        Set<String> fed = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            progress.records++;
            Optional<String> id = ceId(record);
            if (id.isEmpty()) {
                progress.notEvents++;
            } else if (applied.contains(id.get()) || (!dryRun && !fed.add(id.get()))) {
                progress.alreadyApplied++;
            } else if (!dryRun) {
                toApply.add(record);
            }
        }
        if (!toApply.isEmpty()) {
            // the live consumer's own code: what it cannot apply, it sends to the dead-letter topic itself
            VertxContextSupport.subscribeAndAwait(() -> consumer.apply(toApply));
            Set<String> appliedNow = appliedAmong(fed);
            progress.appliedNow += appliedNow.size();
            progress.deadLettered += fed.size() - appliedNow.size();
        }
    }

    private Set<String> appliedAmong(Collection<String> ids) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> appliedEvents.appliedAmong(ids)));
    }

    private static Optional<String> ceId(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(CloudEventHeaders.ID);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}

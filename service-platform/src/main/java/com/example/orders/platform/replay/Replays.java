package com.example.orders.platform.replay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.example.orders.platform.background.Transactions;
import com.example.orders.platform.inbox.AppliedEvents;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Replays a window of the topics this service consumes while it runs ({@code ./suite replay} on an active group): a
 * reader of its own, outside the consumer group, feeds the records to the consumer the live channel uses, a poll at a
 * time. The group's offsets and the live consumers are left alone. Whatever the consumer applied before (its
 * applied-event table) is counted and skipped; what fails goes to the dead-letter topic as a live failure would. One
 * replay runs at a time; a dry run only counts.
 */
@ApplicationScoped
public class Replays {

    private static final Logger LOG = Logger.getLogger(Replays.class);
    private static final int KEPT_REPORTS = 20;
    private static final Duration STALL = Duration.ofSeconds(30);

    /** Offsets {@code from} (inclusive) to {@code to} (exclusive) of one partition. */
    public record Window(String topic, int partition, long from, long to) {
    }

    public record Request(List<Window> partitions, boolean dryRun, boolean rebuild) {
    }

    public enum State {
        RUNNING, DONE, FAILED
    }

    /** What a replay did to one partition, so far. */
    public record PartitionReport(String topic, int partition, long from, long to, long records, long alreadyApplied,
            long appliedNow, long deadLettered, long notEvents) {
    }

    public record Report(String id, State state, Optional<String> error, boolean dryRun, boolean rebuild,
            Instant startedAt, Optional<Instant> finishedAt, List<PartitionReport> partitions) {
    }

    /** The request cannot be carried out as asked; the message says why. */
    public static final class Refused extends RuntimeException {

        private final boolean conflict;

        Refused(String message, boolean conflict) {
            super(message);
            this.conflict = conflict;
        }

        public boolean conflict() {
            return conflict;
        }
    }

    private final ConsumedTopics consumedTopics;
    private final AppliedEvents appliedEvents;
    private final Instance<ReadModel> readModel;
    private final String bootstrapServers;
    private final String group;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "replay");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private Job running;

    Replays(ConsumedTopics consumedTopics, AppliedEvents appliedEvents, Instance<ReadModel> readModel,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String group) {
        this.consumedTopics = consumedTopics;
        this.appliedEvents = appliedEvents;
        this.readModel = readModel;
        this.bootstrapServers = bootstrapServers;
        this.group = group;
    }

    public String group() {
        return group;
    }

    public Set<String> topics() {
        return consumedTopics.topics();
    }

    /** Starts a replay in the background; @return its first report */
    public synchronized Report start(Request request) {
        if (running != null && running.state == State.RUNNING) {
            throw new Refused("replay " + running.id + " is still running; one replay at a time", true);
        }
        if (request.rebuild() && !readModel.isResolvable()) {
            throw new Refused(group + " keeps no read model to rebuild", true);
        }
        if (request.partitions() == null || request.partitions().isEmpty()) {
            throw new Refused("name at least one partition to replay", false);
        }
        for (Window window : request.partitions()) {
            if (!consumedTopics.topics().contains(window.topic())) {
                throw new Refused(group + " does not consume " + window.topic() + "; it consumes "
                        + consumedTopics.topics(), false);
            }
            if (window.from() < 0 || window.to() < window.from() || window.partition() < 0) {
                throw new Refused("window " + window + " is not from <= to, both at least 0", false);
            }
        }
        Job job = new Job(UUID.randomUUID().toString(), request);
        running = job;
        jobs.put(job.id, job);
        while (jobs.size() > KEPT_REPORTS) {
            jobs.remove(jobs.keySet().iterator().next());
        }
        executor.submit(() -> run(job));
        return job.report();
    }

    public synchronized Optional<Report> report(String id) {
        return Optional.ofNullable(jobs.get(id)).map(Job::report);
    }

    private void run(Job job) {
        LOG.infof("replay %s started: %s%s", job.id, job.request.partitions(),
                job.request.dryRun() ? " (dry run)" : job.request.rebuild() ? " (rebuilding the read model)" : "");
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200), new StringDeserializer(), new ByteArrayDeserializer())) {
            if (job.request.rebuild() && !job.request.dryRun()) {
                Transactions.await(() -> readModel.get().empty().chain(appliedEvents::forgetAll));
                LOG.infof("replay %s: the read model is empty; rebuilding it from the topics", job.id);
            }
            for (Progress progress : job.progress) {
                replay(job, progress, reader);
            }
            job.finish(State.DONE, null);
            LOG.infof("replay %s done: %s", job.id, job.report().partitions());
        } catch (Throwable e) {
            LOG.errorf(e, "replay %s failed", job.id);
            job.finish(State.FAILED, e.toString());
        }
    }

    private void replay(Job job, Progress progress, KafkaConsumer<String, byte[]> reader) throws Throwable {
        TopicPartition partition = new TopicPartition(progress.window.topic(), progress.window.partition());
        Function<List<ConsumerRecord<String, byte[]>>, Uni<Void>> consumer = consumedTopics.consumerOf(
                partition.topic());
        reader.assign(List.of(partition));
        reader.seek(partition, progress.window.from());
        Instant lastProgress = Instant.now();
        while (reader.position(partition) < progress.window.to()) {
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
            reader.poll(Duration.ofMillis(500)).records(partition).stream()
                    .filter(record -> record.offset() < progress.window.to())
                    .forEach(batch::add);
            if (batch.isEmpty()) {
                if (Duration.between(lastProgress, Instant.now()).compareTo(STALL) > 0) {
                    throw new IllegalStateException("cannot read " + partition + " beyond offset "
                            + reader.position(partition));
                }
                continue;
            }
            lastProgress = Instant.now();
            List<String> ids = batch.stream().map(Replays::ceId).flatMap(Optional::stream).toList();
            Set<String> applied = appliedAmong(ids);
            List<ConsumerRecord<String, byte[]>> toApply = new ArrayList<>();
            Set<String> fed = new HashSet<>();
            for (ConsumerRecord<String, byte[]> record : batch) {
                progress.records++;
                Optional<String> id = ceId(record);
                if (id.isEmpty()) {
                    progress.notEvents++;
                } else if (applied.contains(id.get()) || (!job.request.dryRun() && !fed.add(id.get()))) {
                    progress.alreadyApplied++;
                } else if (!job.request.dryRun()) {
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
    }

    private Set<String> appliedAmong(Collection<String> ids) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> appliedEvents.appliedAmong(ids)));
    }

    private static Optional<String> ceId(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("ce_id");
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Counters of one partition's replay, written by the replay thread only. */
    private static final class Progress {

        final Window window;
        volatile long records;
        volatile long alreadyApplied;
        volatile long appliedNow;
        volatile long deadLettered;
        volatile long notEvents;

        Progress(Window window) {
            this.window = window;
        }

        PartitionReport report() {
            return new PartitionReport(window.topic(), window.partition(), window.from(), window.to(), records,
                    alreadyApplied, appliedNow, deadLettered, notEvents);
        }
    }

    private static final class Job {

        final String id;
        final Request request;
        final List<Progress> progress;
        final Instant startedAt = Instant.now();
        volatile State state = State.RUNNING;
        volatile String error;
        volatile Instant finishedAt;

        Job(String id, Request request) {
            this.id = id;
            this.request = request;
            this.progress = request.partitions().stream().map(Progress::new).toList();
        }

        void finish(State state, String error) {
            this.error = error;
            this.finishedAt = Instant.now();
            this.state = state;
        }

        Report report() {
            return new Report(id, state, Optional.ofNullable(error), request.dryRun(), request.rebuild(), startedAt,
                    Optional.ofNullable(finishedAt), progress.stream().map(Progress::report).toList());
        }
    }
}

package com.example.orders.platform.replay;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.example.orders.platform.background.Transactions;
import com.example.orders.platform.inbox.AppliedEvents;

/**
 * The replays of this service ({@code ./suite replay} on an active group): checks a request, runs it in the background,
 * empties the read model first for a rebuild, and keeps the last reports. Each partition's window is read and fed to
 * the live consumer's own code by {@link WindowReplayer}; the group's offsets and the live consumers are left alone.
 * One replay runs at a time.
 */
@ApplicationScoped
public class Replays {

    private static final Logger LOG = Logger.getLogger(Replays.class);
    private static final int KEPT_REPORTS = 20;

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
    private final WindowReplayer windows;
    private final AppliedEvents appliedEvents;
    private final Instance<ReadModel> readModel;
    private final String group;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "replay");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private Job running;

    Replays(ConsumedTopics consumedTopics, WindowReplayer windows, AppliedEvents appliedEvents,
            Instance<ReadModel> readModel, @ConfigProperty(name = "quarkus.application.name") String group) {
        this.consumedTopics = consumedTopics;
        this.windows = windows;
        this.appliedEvents = appliedEvents;
        this.readModel = readModel;
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
        try (KafkaConsumer<String, byte[]> reader = windows.openReader()) {
            if (job.request.rebuild() && !job.request.dryRun()) {
                Transactions.await(() -> readModel.get().empty().chain(appliedEvents::forgetAll));
                LOG.infof("replay %s: the read model is empty; rebuilding it from the topics", job.id);
            }
            for (ReplayProgress progress : job.progress) {
                windows.replay(progress, job.request.dryRun(), reader);
            }
            job.finish(State.DONE, null);
            LOG.infof("replay %s done: %s", job.id, job.report().partitions());
        } catch (Throwable e) {
            LOG.errorf(e, "replay %s failed", job.id);
            job.finish(State.FAILED, e.toString());
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private static final class Job {

        final String id;
        final Request request;
        final List<ReplayProgress> progress;
        final Instant startedAt = Instant.now();
        volatile State state = State.RUNNING;
        volatile String error;
        volatile Instant finishedAt;

        Job(String id, Request request) {
            this.id = id;
            this.request = request;
            this.progress = request.partitions().stream().map(ReplayProgress::new).toList();
        }

        void finish(State state, String error) {
            this.error = error;
            this.finishedAt = Instant.now();
            this.state = state;
        }

        Report report() {
            return new Report(id, state, Optional.ofNullable(error), request.dryRun(), request.rebuild(), startedAt,
                    Optional.ofNullable(finishedAt), progress.stream().map(ReplayProgress::report).toList());
        }
    }
}

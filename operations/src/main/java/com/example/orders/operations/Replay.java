package com.example.orders.operations;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code ./suite replay} (docs/contract.md §4): re-delivers a window of the topics a consumer group reads. The window
 * is worked out here, from the broker (a time through offsetsForTimes, an offset, or earliest; up to {@code --to} or
 * the end now). Then:
 * <ul>
 * <li>a <b>running</b> group's service replays the window itself ({@link ServiceOperations}), beside its live
 * consumers, whose offsets stay where they are: nothing has to stop, and {@code --to} and {@code --rebuild} work;</li>
 * <li>a <b>stopped</b> group's committed offsets are moved back to the window's start (never forward, which would skip
 * records), and the service re-reads from there when it starts.</li>
 * </ul>
 * Either way each consumer skips the events it applied before, so a replay repeats no effect.
 */
public final class Replay implements AutoCloseable {

    /** Where the window starts. */
    public sealed interface From {

        record Earliest() implements From {
        }

        record AtTime(Instant time) implements From {
        }

        record AtOffset(long offset) implements From {
        }
    }

    public record Request(String group, Optional<String> topic, From from, Optional<Instant> to, boolean dryRun,
            boolean rebuild) {
    }

    /** Offsets {@code from} (inclusive) to {@code to} (exclusive) of one partition. */
    public record Window(String topic, int partition, long from, long to) {

        long records() {
            return to - from;
        }
    }

    /** What a service reports of its replay, per partition. */
    public record PartitionReport(String topic, int partition, long from, long to, long records, long alreadyApplied,
            long appliedNow, long deadLettered, long notEvents) {
    }

    /** The running service of a group, as the replay asks it (its {@code /ops} endpoints). */
    public interface ServiceOperations {

        Set<String> consumedTopics();

        /** Replays the windows and waits until done; @return the report per partition */
        List<PartitionReport> replay(List<Window> windows, boolean dryRun, boolean rebuild);
    }

    private final String bootstrapServers;
    private final Admin admin;

    public Replay(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
    }

    /** True when the group has consumers now: its service runs. */
    public boolean isActive(String group) {
        ConsumerGroupDescription description = KafkaCalls.await(admin.describeConsumerGroups(List.of(group))
                .describedGroups().get(group), "cannot describe consumer group " + group);
        return !description.members().isEmpty();
    }

    /**
     * @param service
     *            the group's running service, when {@link #isActive} says there is one
     */
    public void run(Request request, Optional<ServiceOperations> service, PrintWriter out) {
        Map<TopicPartition, OffsetAndMetadata> committed = KafkaCalls.await(admin.listConsumerGroupOffsets(
                request.group()).partitionsToOffsetAndMetadata(), "cannot read the offsets of " + request.group());
        Set<String> consumed = new TreeSet<>();
        if (service.isPresent()) {
            consumed.addAll(service.get().consumedTopics());
        } else {
            committed.keySet().forEach(partition -> consumed.add(partition.topic()));
        }
        Set<String> topics = request.topic().map(Set::of).orElse(consumed);
        if (topics.isEmpty()) {
            throw new OperationFailed(request.group() + " has committed no offsets: it has consumed nothing, and "
                    + "reads every topic from the start when it runs");
        }
        if (!consumed.containsAll(topics)) {
            throw new OperationFailed(request.group() + " does not consume " + request.topic().orElseThrow()
                    + "; it consumes " + consumed);
        }
        List<Window> windows = windows(topics, request.from(), request.to());
        if (service.isPresent()) {
            List<PartitionReport> reports = service.get().replay(windows, request.dryRun(), request.rebuild());
            printReports(request, reports, out);
        } else {
            replayStopped(request, windows, committed, out);
        }
    }

    private void replayStopped(Request request, List<Window> windows,
            Map<TopicPartition, OffsetAndMetadata> committed, PrintWriter out) {
        if (request.rebuild()) {
            throw new OperationFailed(request.group() + " is not running: start it first (./suite up); a rebuild "
                    + "empties its read model, which only the service itself can do");
        }
        if (request.to().isPresent()) {
            throw new OperationFailed(request.group() + " is not running, and a stopped group re-reads to the end "
                    + "of its topics: start it (./suite up) to replay up to --to, or leave --to out");
        }
        Map<TopicPartition, OffsetAndMetadata> moves = new HashMap<>();
        String format = "%-36s %4s %10s %10s %10s%n";
        out.printf(format, "TOPIC", "PART", "COMMITTED", "REPLAY-AT", "RECORDS");
        long records = 0;
        for (Window window : windows) {
            TopicPartition partition = new TopicPartition(window.topic(), window.partition());
            OffsetAndMetadata now = committed.get(partition);
            // never forward: that would skip records the group has not read yet
            if (now != null && window.from() < now.offset()) {
                moves.put(partition, new OffsetAndMetadata(window.from()));
                records += now.offset() - window.from();
            }
            out.printf(format, window.topic(), window.partition(), now == null ? "-" : now.offset(),
                    now != null && window.from() < now.offset() ? window.from() : "-",
                    now != null ? Math.max(0, now.offset() - window.from()) : 0);
        }
        if (request.dryRun()) {
            out.printf("dry run: %s is not running; %d records would be read again when it starts (how many it "
                    + "applied before, and so skips, only the running service can tell)%n", request.group(), records);
            return;
        }
        if (!moves.isEmpty()) {
            KafkaCalls.await(admin.alterConsumerGroupOffsets(request.group(), moves).all(), "cannot move the "
                    + "offsets of " + request.group() + " (did its service start meanwhile? run the replay again)");
        }
        out.printf("%s is not running: its offsets were moved back over %d records; it reads them again when it "
                + "starts (./suite up) and skips what it applied before%n", request.group(), records);
    }

    private static void printReports(Request request, List<PartitionReport> reports, PrintWriter out) {
        String format = "%-36s %4s %10s %10s %8s %14s %12s %13s%n";
        out.printf(format, "TOPIC", "PART", "FROM", "TO", "RECORDS", "APPLIED-BEFORE", request.dryRun()
                ? "WOULD-APPLY"
                : "APPLIED-NOW", "DEAD-LETTERED");
        long records = 0;
        long before = 0;
        long now = 0;
        long dead = 0;
        for (PartitionReport report : reports) {
            long wouldApply = report.records() - report.alreadyApplied() - report.notEvents();
            out.printf(format, report.topic(), report.partition(), report.from(), report.to(), report.records(),
                    report.alreadyApplied(), request.dryRun() ? wouldApply : report.appliedNow(),
                    report.deadLettered());
            records += report.records();
            before += report.alreadyApplied();
            now += request.dryRun() ? wouldApply : report.appliedNow();
            dead += report.deadLettered();
        }
        if (request.dryRun()) {
            out.printf("dry run: %d records would be re-delivered to %s; %d were applied before and would be "
                    + "skipped; %d would be applied now%n", records, request.group(), before, now);
        } else {
            out.printf("replayed %d records to %s%s: %d applied before (skipped), %d applied now, %d to the dead-"
                    + "letter topic%n", records, request.group(), request.rebuild() ? ", its read model rebuilt" : "",
                    before, now, dead);
        }
    }

    /** The window of every partition of the topics. */
    public List<Window> windows(Set<String> topics, From from, Optional<Instant> to) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> starts;
            if (from instanceof From.AtOffset at) {
                starts = clamp(partitions, at.offset(), beginning, end);
            } else if (from instanceof From.AtTime at) {
                starts = atTime(consumer, partitions, at.time(), end);
            } else {
                starts = beginning;
            }
            Map<TopicPartition, Long> ends = to.map(time -> atTime(consumer, partitions, time, end)).orElse(end);
            return partitions.stream()
                    .map(partition -> new Window(partition.topic(), partition.partition(), starts.get(partition),
                            Math.max(starts.get(partition), ends.get(partition))))
                    .toList();
        }
    }

    private static Map<TopicPartition, Long> clamp(List<TopicPartition> partitions, long offset,
            Map<TopicPartition, Long> beginning, Map<TopicPartition, Long> end) {
        Map<TopicPartition, Long> starts = new HashMap<>();
        partitions.forEach(partition -> starts.put(partition,
                Math.min(end.get(partition), Math.max(beginning.get(partition), offset))));
        return starts;
    }

    /** The first offset at or after the time per partition; the end where nothing is that late. */
    private static Map<TopicPartition, Long> atTime(KafkaConsumer<String, byte[]> consumer,
            List<TopicPartition> partitions, Instant time, Map<TopicPartition, Long> end) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(partition -> query.put(partition, time.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, Duration.ofSeconds(10));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        partitions.forEach(partition -> {
            OffsetAndTimestamp at = found.get(partition);
            offsets.put(partition, at == null ? end.get(partition) : at.offset());
        });
        return offsets;
    }

    @Override
    public void close() {
        admin.close();
    }
}

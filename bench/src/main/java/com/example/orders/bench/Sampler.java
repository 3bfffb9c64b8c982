package com.example.orders.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import com.example.orders.events.Topics;
import com.example.orders.localinfra.SuiteService;
import com.example.orders.suite.LocalSuite;

/**
 * Once a second, what the suite shows while it works: each consumer group's lag (the broker's committed offsets against
 * the log ends), and the CPU and memory of every process of the suite (its children included: PostgreSQL's backends,
 * nginx's workers) and of the benchmark itself; every few seconds, each service's outbox backlog and records waiting on
 * a dependency (its own metrics).
 */
final class Sampler implements AutoCloseable {

    static final String OUTBOX = "outbox pending";
    static final String LAG = "consumer lag";
    static final String WAITING = "records waiting";
    static final String CPU_SUITE = "cpu suite (cores)";
    static final String CPU_BENCH = "cpu bench (cores)";
    static final String MEMORY_SUITE = "memory suite (MiB)";

    private final LocalSuite suite;
    private final SuiteClient client;
    private final Timeline timeline;
    private final RunClock clock;
    private final Admin admin;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Long, Long> cpuNanosByPid = new HashMap<>();
    private final int scrapeEverySeconds;
    private long lastSampleNanos;
    private long lastBenchCpuNanos;

    Sampler(LocalSuite suite, SuiteClient client, Timeline timeline, RunClock clock, int scrapeEverySeconds) {
        this.scrapeEverySeconds = Math.max(1, scrapeEverySeconds);
        this.suite = suite;
        this.client = client;
        this.timeline = timeline;
        this.clock = clock;
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers());
        this.admin = Admin.create(config);
        lastSampleNanos = clock.nanos();
        lastBenchCpuNanos = cpuNanos(ProcessHandle.current());
        suite.processes().values().stream().flatMap(Sampler::withDescendants)
                .forEach(process -> cpuNanosByPid.put(process.pid(), cpuNanos(process)));
        scheduler.scheduleAtFixedRate(this::sampleQuietly, 1, 1, TimeUnit.SECONDS);
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            // a service restarting, a broker busy: this second has fewer gauges
        }
    }

    private void sample() {
        long now = clock.nanos();
        int second = clock.secondOf(now) - 1;
        // the costly readings (a service's /q/metrics, a process's PSS, which walks its page tables) every few seconds
        boolean costly = second % scrapeEverySeconds == 0;
        if (costly) {
            scrapeMetrics(second);
        }

        double lag = 0;
        for (SuiteService service : SuiteService.values()) {
            long groupLag = lagOf(service.serviceName());
            lag += groupLag;
            timeline.gauge(second, "lag " + service.serviceName(), groupLag);
        }
        timeline.gauge(second, LAG, lag);

        // CPU over the time between two readings of it, not between two samples (scraping takes a while)
        long cpuNow = clock.nanos();
        double elapsed = Math.max(1, cpuNow - lastSampleNanos);
        double suiteCpu = 0;
        double suiteRss = 0;
        for (Map.Entry<String, ProcessHandle> component : suite.processes().entrySet()) {
            double cpu = 0;
            double rss = 0;
            for (ProcessHandle process : withDescendants(component.getValue()).toList()) {
                long total = cpuNanos(process);
                Long before = cpuNanosByPid.put(process.pid(), total);
                cpu += Math.max(0, total - (before == null ? 0 : before));
                rss += costly ? memoryMib(process.pid()) : 0;
            }
            timeline.gauge(second, "cpu " + component.getKey(), cpu / elapsed);
            if (costly) {
                timeline.gauge(second, "memory " + component.getKey(), rss);
            }
            suiteCpu += cpu / elapsed;
            suiteRss += rss;
        }
        timeline.gauge(second, CPU_SUITE, suiteCpu);
        if (costly) {
            timeline.gauge(second, MEMORY_SUITE, suiteRss);
        }
        long benchCpu = cpuNanos(ProcessHandle.current());
        timeline.gauge(second, CPU_BENCH, (benchCpu - lastBenchCpuNanos) / elapsed);
        lastBenchCpuNanos = benchCpu;
        lastSampleNanos = cpuNow;
    }

    /**
     * The services' own metrics. A scrape is not free (a service renders some 300 kB of Prometheus text, much of it
     * Kafka client metrics, in about 0.1 s of CPU), so the benchmark reads them every few seconds, not every second,
     * lest it measure itself.
     */
    private void scrapeMetrics(int second) {
        double outbox = 0;
        double waiting = 0;
        for (SuiteService service : SuiteService.values()) {
            String metrics = client.metricsOf(service);
            double pending = sum(metrics, "outbox_pending_events");
            outbox += pending;
            waiting += sum(metrics, "messaging_records_waiting");
            timeline.gauge(second, "outbox " + service.serviceName(), pending);
        }
        timeline.gauge(second, OUTBOX, outbox);
        timeline.gauge(second, WAITING, waiting);
    }

    private long lagOf(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(2, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().stream().filter(partition -> !Topics.isDeadLetterTopic(partition.topic()))
                    .forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(2, TimeUnit.SECONDS);
            long lag = 0;
            for (Map.Entry<TopicPartition, OffsetSpec> partition : latest.entrySet()) {
                OffsetAndMetadata offset = committed.get(partition.getKey());
                if (offset != null) {
                    lag += Math.max(0, ends.get(partition.getKey()).offset() - offset.offset());
                }
            }
            return lag;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }
    }

    /** The sum of a metric's samples (all its label sets) in Prometheus text, 0 when absent. */
    static double sum(String metrics, String name) {
        double total = 0;
        for (String line : metrics.lines().toList()) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                String[] parts = line.trim().split("\\s+");
                try {
                    total += Double.parseDouble(parts[parts.length - 1]);
                } catch (NumberFormatException e) {
                    // not a sample line
                }
            }
        }
        return total;
    }

    private static Stream<ProcessHandle> withDescendants(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants());
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /**
     * The process's proportional share of memory (PSS: its private pages and its share of pages it shares), so that
     * PostgreSQL's backends, which all map the same shared buffers, add up to what the server really holds.
     */
    private static double memoryMib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not Linux
        }
        return 0;
    }

    /** The gauges each process showed, named as in the timeline ({@code cpu <component>}). */
    static List<String> perProcessGauges(Map<String, Double> peaks, String prefix) {
        return peaks.keySet().stream().filter(name -> name.startsWith(prefix + " ") && !name.contains("(")).toList();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(Duration.ofSeconds(5));
    }
}

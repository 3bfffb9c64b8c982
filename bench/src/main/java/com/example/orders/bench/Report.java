package com.example.orders.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

/**
 * A run written down: {@code summary.md} (command, machine, settings, baselines, figures, ratios, invariants),
 * {@code timeline.csv} (one row per second) and {@code chart.svg}, in the run's directory.
 */
final class Report {

    /** Everything a summary says, gathered by the benchmark. */
    record Run(String command, String commit, String startedAt, String loadDescription, int warmupSeconds,
            int measuredSeconds, int loadSeconds, String mix, int customers, String serviceJavaOptions,
            Optional<Baselines.Kafka> kafka,
            Optional<Baselines.Postgres> postgres, List<String> baselineNotes, Timeline timeline,
            double completedPerSecond, long recordsPublished, long ordersPlaced, Checks.Result checks) {
    }

    private Report() {
    }

    static String summary(Run run) {
        Timeline t = run.timeline();
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark run ").append(run.startedAt()).append("\n\n");
        md.append("Command (against a suite that `./suite up` started):\n\n```\n").append(run.command())
                .append("\n```\n\n");
        md.append("Code: `").append(run.commit()).append("`\n\n");
        md.append("## Machine and settings\n\n");
        Machine.describe(run.serviceJavaOptions()).forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("- load: ").append(run.loadDescription()).append(", ").append(run.warmupSeconds())
                .append(" s warm-up (not counted) then ").append(run.measuredSeconds()).append(" s measured; mix ")
                .append(run.mix()).append("; ").append(run.customers()).append(" customers (credentials)\n");
        md.append("- the whole suite, the load generator and the baselines share these cores\n\n");

        md.append("## Baselines (same machine, same run, before the load)\n\n");
        run.kafka().ifPresent(k -> md.append(String.format(Locale.ROOT,
                "- Kafka `ProducerPerformance`: %,.0f records/s (%.1f MB/s), avg latency %.0f ms, p99 %.0f ms "
                        + "(%,d records of %d bytes, acks=all, idempotent; `%s`)%n",
                k.recordsPerSecond(), k.megabytesPerSecond(), k.averageLatencyMs(), k.p99LatencyMs(), k.records(),
                k.recordSize(), k.command())));
        run.postgres().ifPresent(p -> md.append(String.format(Locale.ROOT,
                "- PostgreSQL `pgbench`: %,.0f transactions/s, %d clients, scale %d, %d s, %s (`%s`)%n",
                p.transactionsPerSecond(), p.clients(), p.scale(), p.seconds(), p.durability(), p.command())));
        run.baselineNotes().forEach(note -> md.append("- ").append(note).append('\n'));
        md.append('\n');

        md.append("## The saga through the gateway\n\n");
        double measured = Math.max(1, run.measuredSeconds());
        md.append("| figure | value |\n|---|---|\n");
        row(md, "orders sent", String.format(Locale.ROOT, "%,d", t.sentCount()));
        row(md, "accepted (202)", String.format(Locale.ROOT, "%,d = %.1f/s", t.acceptedCount(),
                t.acceptedCount() / measured));
        row(md, "completed (terminal event seen)", String.format(Locale.ROOT, "%,d = %.1f/s", t.completedCount(),
                run.completedPerSecond()));
        row(md, "errors", t.errorCount() == 0 ? "0" : t.errorCount() + ": " + Checks.describe(t.errors()));
        row(md, "unexpected outcomes", run.checks().unexpectedOutcomes().isEmpty()
                ? "0"
                : Checks.describe(run.checks().unexpectedOutcomes()));
        row(md, "outcomes", Checks.describe(t.outcomes()));
        row(md, "POST latency", percentiles(t.post()));
        row(md, "POST → terminal (all outcomes)", percentiles(t.saga()));
        row(md, "POST → CONFIRMED", percentiles(t.sagaConfirmed()));
        row(md, "outbox publish lag (record time − ce_time)", percentiles(t.publishLag()));
        for (Map.Entry<Timeline.Hop, Histogram> hop : t.hops().entrySet()) {
            row(md, "hop " + hop.getKey().label, percentiles(hop.getValue()));
        }
        Map<String, Double> peaks = t.peaks();
        row(md, "outbox backlog, peak", format(peaks.get(Sampler.OUTBOX)) + " rows");
        row(md, "consumer lag, peak (all groups)", format(peaks.get(Sampler.LAG)) + " records");
        row(md, "records waiting on a dependency, peak", format(peaks.get(Sampler.WAITING)));
        row(md, "records published by the suite (warm-up included)", String.format(Locale.ROOT,
                "%,d = %.1f per order placed", run.recordsPublished(), run.recordsPublished() / (double) Math.max(1,
                        run.ordersPlaced())));
        md.append('\n');

        md.append("## Read against the baselines\n\n");
        // records of the whole load (warm-up included) over its whole length
        double publishedPerSecond = run.recordsPublished() / Math.max(1.0, run.loadSeconds());
        run.kafka().ifPresent(k -> md.append(String.format(Locale.ROOT,
                "- the suite published %.0f records/s while loaded: %.2f %% of what the broker takes from one "
                        + "producer%n",
                publishedPerSecond, 100 * publishedPerSecond / k.recordsPerSecond())));
        run.postgres().ifPresent(p -> md.append(String.format(Locale.ROOT,
                "- %.1f completed orders/s is %.2f %% of pgbench's transactions/s on the same server%n",
                run.completedPerSecond(), 100 * run.completedPerSecond() / p.transactionsPerSecond())));
        md.append('\n');

        md.append("## Resources while loaded (CPU: mean over the measured seconds; memory: peak PSS)\n\n");
        md.append("| process | CPU (cores) | memory peak (MiB, PSS) |\n|---|---|---|\n");
        Map<String, Double> cpu = means(t, run.warmupSeconds(), run.loadSeconds());
        for (String gauge : Sampler.perProcessGauges(peaks, "cpu")) {
            String component = gauge.substring("cpu ".length());
            md.append("| ").append(component).append(" | ").append(String.format(Locale.ROOT, "%.2f",
                    cpu.getOrDefault(gauge, 0.0))).append(" | ").append(format(peaks.get("memory " + component)))
                    .append(" |\n");
        }
        md.append(String.format(Locale.ROOT, "| **the suite** | **%.2f** | **%s** |%n",
                cpu.getOrDefault(Sampler.CPU_SUITE, 0.0), format(peaks.get(Sampler.MEMORY_SUITE))));
        md.append(String.format(Locale.ROOT, "| the load generator (this tool) | %.2f | |%n%n",
                cpu.getOrDefault(Sampler.CPU_BENCH, 0.0)));

        md.append("## Invariants\n\n");
        if (run.checks().hold()) {
            md.append("Hold: every accepted order ended exactly once, none was dead-lettered, stock is conserved "
                    + "with nothing held, every confirmed order was captured once and not refunded, no cancelled "
                    + "order keeps a charge.\n");
        } else {
            md.append("**Violated:**\n\n");
            run.checks().violations().forEach(v -> md.append("- ").append(v).append('\n'));
        }
        md.append("\nPer second: `timeline.csv`; as a picture: `chart.svg`.\n");
        return md.toString();
    }

    /** The mean of every gauge over the seconds of the measured load window. */
    private static Map<String, Double> means(Timeline t, int from, int to) {
        Map<String, Double> sums = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = from; i < Math.min(to, t.length()); i++) {
            t.at(i).gauges.forEach((name, value) -> {
                sums.merge(name, value, Double::sum);
                counts.merge(name, 1, Integer::sum);
            });
        }
        Map<String, Double> means = new TreeMap<>();
        sums.forEach((name, sum) -> means.put(name, sum / counts.get(name)));
        return means;
    }

    static String csv(Timeline t) {
        List<String> gauges = new ArrayList<>(List.of(Sampler.OUTBOX, Sampler.LAG, Sampler.WAITING,
                Sampler.CPU_SUITE, Sampler.CPU_BENCH, Sampler.MEMORY_SUITE));
        StringBuilder csv = new StringBuilder("second,sent,accepted,completed,errors,post_p50_ms,post_p99_ms,"
                + "saga_p50_ms,saga_p99_ms,outbox_pending,consumer_lag,records_waiting,cpu_suite_cores,"
                + "cpu_bench_cores,memory_suite_mib\n");
        for (int i = 0; i < t.length(); i++) {
            Timeline.Second s = t.at(i);
            csv.append(i).append(',').append(s.sent).append(',').append(s.accepted).append(',').append(s.completed)
                    .append(',').append(s.errors).append(',').append(ms(s.post, 50)).append(',')
                    .append(ms(s.post, 99)).append(',').append(ms(s.saga, 50)).append(',').append(ms(s.saga, 99));
            for (String gauge : gauges) {
                Double value = s.gauges.get(gauge);
                csv.append(',').append(value == null ? "" : String.format(Locale.ROOT, "%.2f", value));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    static void write(Path directory, Run run, String title) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("summary.md"), summary(run));
        Files.writeString(directory.resolve("timeline.csv"), csv(run.timeline()));
        Files.writeString(directory.resolve("chart.svg"), Chart.svg(run.timeline(), title, run.loadSeconds()));
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    static String percentiles(Histogram h) {
        if (h.getTotalCount() == 0) {
            return "—";
        }
        return String.format(Locale.ROOT, "p50 %s, p95 %s, p99 %s, max %s ms (n=%,d)", ms(h, 50), ms(h, 95),
                ms(h, 99), String.format(Locale.ROOT, "%.1f", h.getMaxValue() / 1000.0), h.getTotalCount());
    }

    private static String ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0
                ? ""
                : String.format(Locale.ROOT, "%.1f", h.getValueAtPercentile(percentile) / 1000.0);
    }

    private static String format(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%,.0f", value);
    }
}

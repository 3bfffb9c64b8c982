package com.example.orders.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

import com.example.orders.localinfra.RepositoryLayout;
import com.example.orders.suite.LocalSuite;
import com.example.orders.suite.SuiteException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench/run}: the saga under load through the gateway of a suite that {@code ./suite up} started, read against
 * the same machine's Kafka and PostgreSQL baselines, and checked afterwards. See {@code bench/README.md}.
 */
@Command(name = "bench/run", mixinStandardHelpOptions = true, sortOptions = false, description = {
        "Drives orders through the gateway of a running suite (./suite up), open loop (--rate) or closed loop "
                + "(--clients), times each POST and each order's POST -> terminal event (read from the topics), "
                + "measures Kafka's and PostgreSQL's own baselines first, checks the invariants after, and writes "
                + "summary.md, timeline.csv and chart.svg.",
        "Exit code: 0 when the invariants hold, 1 when one is violated, 2 when the run could not be made."})
public final class Benchmark implements Callable<Integer> {

    @Option(names = "--rate", description = "Open loop: orders due per second, whatever the suite does.")
    Double rate;

    @Option(names = "--clients", description = "Closed loop: clients, each placing an order and waiting until it "
            + "ends before the next.")
    Integer clients;

    @Option(names = "--duration", defaultValue = "60s", description = "Measured load (e.g. 60s, 2m; default 60s).", converter = DurationConverter.class)
    Duration duration;

    @Option(names = "--warmup", defaultValue = "10s", description = "Load before the measured part, left out of the "
            + "totals (default 10s).", converter = DurationConverter.class)
    Duration warmup;

    @Option(names = "--mix", defaultValue = "ok=90,declined=5,out-of-stock=5", description = "Outcome shares "
            + "(default ok=90,declined=5,out-of-stock=5).")
    String mix;

    @Option(names = "--customers", defaultValue = "200", description = "Credentials to spread the orders over, so "
            + "that the gateway's limit per credential does not bite (default 200).")
    int customers;

    @Option(names = "--max-in-flight", defaultValue = "4000", description = "Open loop: POSTs waiting at once; an "
            + "order due beyond that is an error (default 4000).")
    int maxInFlight;

    @Option(names = "--settle", defaultValue = "120s", description = "After the load, how long accepted orders may "
            + "take to end (default 120s).", converter = DurationConverter.class)
    Duration settle;

    @Option(names = "--baseline-records", defaultValue = "1000000", description = "Records for Kafka's "
            + "ProducerPerformance (default 1000000; 0 skips it).")
    long baselineRecords;

    @Option(names = "--baseline-seconds", defaultValue = "10", description = "Seconds of pgbench (default 10; 0 skips "
            + "it).")
    int baselineSeconds;

    @Option(names = "--baseline-clients", defaultValue = "8", description = "pgbench clients (default 8).")
    int baselineClients;

    @Option(names = "--scrape-interval", defaultValue = "5", description = "Seconds between reads of the services' "
            + "/q/metrics (default 5; each read costs a service about 0.1 s of CPU).")
    int scrapeSeconds;

    @Option(names = "--out", description = "Directory for summary.md, timeline.csv and chart.svg (default "
            + "bench/results/scratch/<time>, not committed).")
    Path out;

    private final List<String> arguments;

    Benchmark(List<String> arguments) {
        this.arguments = arguments;
    }

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new Benchmark(List.of(args)));
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof SuiteException || exception instanceof IllegalStateException
                    || exception instanceof IllegalArgumentException) {
                cmd.getErr().println("bench: " + exception.getMessage());
                return 2;
            }
            throw exception;
        });
        System.exit(commandLine.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if ((rate == null) == (clients == null)) {
            throw new IllegalArgumentException("name one of --rate (open loop) or --clients (closed loop)");
        }
        Mix outcomes = Mix.parse(mix);
        LocalSuite suite = LocalSuite.fromEnvironment();
        String startedAt = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC)
                .format(Instant.now());
        String runId = startedAt.replace("-", "").replace("T", "").replace("Z", "");
        Path directory = out != null
                ? out
                : RepositoryLayout.root().resolve("bench/results/scratch").resolve(startedAt);
        String load = rate != null
                ? String.format(Locale.ROOT, "open loop at %.0f orders/s", rate)
                : "closed loop, " + clients + " clients";

        say("bench: " + load + ", " + warmup.toSeconds() + " s warm-up + " + duration.toSeconds() + " s, mix "
                + outcomes + ", gateway " + suite.gateway());
        String bootstrap = suite.kafkaBootstrapServers();

        List<String> notes = new ArrayList<>();
        Optional<Baselines.Kafka> kafka = Optional.empty();
        if (baselineRecords > 0) {
            say("baseline: Kafka ProducerPerformance, " + baselineRecords + " records …");
            kafka = Optional.of(Baselines.kafka(suite, baselineRecords, 512));
            say(String.format(Locale.ROOT, "baseline: Kafka %,.0f records/s", kafka.get().recordsPerSecond()));
        } else {
            notes.add("Kafka baseline skipped (--baseline-records 0)");
        }
        Optional<Baselines.Postgres> postgres = Optional.empty();
        if (baselineSeconds > 0) {
            say("baseline: pgbench, " + baselineClients + " clients, " + baselineSeconds + " s …");
            postgres = Baselines.postgres(suite, baselineClients, baselineSeconds, notes);
            postgres.ifPresent(p -> say(String.format(Locale.ROOT, "baseline: PostgreSQL %,.0f transactions/s (%s)",
                    p.transactionsPerSecond(), p.durability())));
        } else {
            notes.add("PostgreSQL baseline skipped (--baseline-seconds 0)");
        }
        notes.forEach(note -> say("baseline: " + note));

        Catalogue catalogue = new Catalogue(runId, 8, 20);
        try (SuiteClient client = new SuiteClient(suite, customers, runId)) {
            catalogue.stocked().forEach((sku, units) -> client.stock(sku, units, Catalogue.UNIT_PRICE));
            int warmupSeconds = (int) warmup.toSeconds();
            int loadSeconds = warmupSeconds + (int) duration.toSeconds();
            Timeline timeline = new Timeline(warmupSeconds);
            RunClock clock = new RunClock();
            Orders orders = new Orders(timeline, clock);
            long recordsPublished;
            double completedPerSecond;
            try (SagaWatcher watcher = new SagaWatcher(bootstrap, orders);
                    Sampler sampler = new Sampler(suite, client, timeline, clock, scrapeSeconds)) {
                Load driver = new Load(client, orders, timeline, clock, catalogue, outcomes);
                ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
                progress.scheduleAtFixedRate(() -> say(progressLine(timeline, clock, driver)), 1, 1,
                        TimeUnit.SECONDS);
                try {
                    Duration total = warmup.plus(duration);
                    if (rate != null) {
                        driver.openLoop(rate, total, maxInFlight);
                    } else {
                        driver.closedLoop(clients, total);
                    }
                    driver.drain(Duration.ofSeconds(35));
                    say("load over; waiting up to " + settle.toSeconds() + " s for accepted orders to end …");
                    awaitEnd(orders, settle);
                } finally {
                    progress.shutdownNow();
                }
                recordsPublished = watcher.records();
                completedPerSecond = completedPerSecond(orders, clock, warmupSeconds);
            }
            orders.recordHops();
            say("checking the invariants …");
            Checks.Result checks = Checks.run(orders, client, catalogue);
            String command = "bench/run " + String.join(" ", arguments);
            Report.Run run = new Report.Run(command, Git.describe(), startedAt, load, warmupSeconds,
                    (int) duration.toSeconds(), loadSeconds, outcomes.toString(), customers,
                    suite.serviceJavaOptions(), kafka, postgres, notes, timeline, completedPerSecond,
                    recordsPublished, orders.placedOrders().size(), checks);
            Report.write(directory, run, "The saga, " + load + " · " + startedAt + " · " + run.commit());
            System.out.println();
            System.out.println(Report.summary(run));
            say("written: " + directory);
            say(checks.hold() ? "invariants: hold" : "invariants: VIOLATED");
            return checks.hold() ? 0 : 1;
        }
    }

    private static void awaitEnd(Orders orders, Duration patience) throws InterruptedException {
        long end = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < end) {
            if (orders.placedOrders().stream().allMatch(track -> track.terminal().isPresent())) {
                return;
            }
            Thread.sleep(200);
        }
    }

    /**
     * Measured orders that ended, per second from the end of the warm-up to the last of their terminal events: what the
     * suite sustained, whether or not it kept up with the offered load.
     */
    private static double completedPerSecond(Orders orders, RunClock clock, int warmupSeconds) {
        long measuredStart = clock.startEpochMillis() + warmupSeconds * 1000L;
        long last = measuredStart;
        long count = 0;
        for (Orders.Track track : orders.placedOrders()) {
            Optional<Long> ended = track.endedAt();
            if (track.sentEpochMicros() / 1000 < measuredStart || ended.isEmpty()) {
                continue;
            }
            count++;
            last = Math.max(last, ended.get());
        }
        return count / Math.max(1.0, (last - measuredStart) / 1000.0);
    }

    private static String progressLine(Timeline timeline, RunClock clock, Load driver) {
        int second = clock.secondOf(clock.nanos()) - 1;
        Timeline.Second s = timeline.at(second);
        return String.format(Locale.ROOT,
                "%4ds%s sent %5d/s  accepted %5d/s  completed %5d/s  errors %d  POST p99 %s  →terminal p99 %s  "
                        + "in flight %d  outbox %s  lag %s  cpu suite %s bench %s",
                second, second < timeline.warmupSeconds() ? " (warm-up)" : "", s.sent, s.accepted, s.completed,
                s.errors, ms(s.post), ms(s.saga), driver.inFlight(), gauge(timeline, second, Sampler.OUTBOX),
                gauge(timeline, second, Sampler.LAG), gauge(timeline, second, Sampler.CPU_SUITE),
                gauge(timeline, second, Sampler.CPU_BENCH));
    }

    private static String ms(Histogram histogram) {
        return histogram.getTotalCount() == 0
                ? "-"
                : String.format(Locale.ROOT, "%.0f ms", histogram.getValueAtPercentile(99) / 1000.0);
    }

    /** The gauge's latest reading at or before {@code second} (the sampler reads a moment after each second). */
    private static String gauge(Timeline timeline, int second, String name) {
        Double value = null;
        for (int i = second; i >= Math.max(0, second - 6) && value == null; i--) {
            value = timeline.at(i).gauges.get(name);
        }
        return value == null ? "-" : String.format(Locale.ROOT, value < 10 ? "%.1f" : "%.0f", value);
    }

    private static void say(String line) {
        System.err.println(line);
    }

    /** {@code 60s}, {@code 2m}, {@code 500ms} or ISO-8601 ({@code PT1M}). */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

        @Override
        public Duration convert(String value) {
            String text = value.trim().toLowerCase(Locale.ROOT);
            if (text.startsWith("pt")) {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            }
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            long number = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(number);
                case 'm' -> Duration.of(number, ChronoUnit.MINUTES);
                case 'h' -> Duration.ofHours(number);
                default -> throw new IllegalArgumentException("'" + value + "' is not a duration (60s, 2m, PT1M)");
            };
        }
    }

    /** The commit the run measured, and whether the tree had changes on top of it. */
    static final class Git {

        static String describe() {
            try {
                Process process = new ProcessBuilder("git", "describe", "--always", "--dirty", "--abbrev=12")
                        .directory(RepositoryLayout.root().toFile()).redirectErrorStream(true).start();
                String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                return process.waitFor() == 0 ? text : "unknown (" + text + ")";
            } catch (IOException e) {
                return "unknown (no git)";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "unknown";
            }
        }
    }
}

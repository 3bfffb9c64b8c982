package com.example.orders.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The benchmark tool (issue 12) works against the suite as {@code ./suite up} started it: a few seconds at a low rate,
 * both baselines on a small scale, and its own invariant check. No figure is asserted: a shared CI machine says nothing
 * about speed. The figures come from runs written to {@code bench/results/}.
 */
class BenchmarkEndToEndIT {

    @Test
    void runsBrieflyAndFindsTheInvariantsHold() throws IOException {
        Suite suite = RunningSuite.suite();
        Path out = suite.home().resolve("bench-run");

        Suite.Result run = suite.exec(List.of("bench/run", "--rate", "4", "--duration", "5s", "--warmup", "1s",
                "--baseline-records", "20000", "--baseline-seconds", "2", "--baseline-clients", "2", "--settle", "90s",
                "--out", out.toString()));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("invariants: hold");
        String summary = Files.readString(out.resolve("summary.md"));
        assertThat(summary)
                .contains("| errors | 0 |")
                .contains("| unexpected outcomes | 0 |")
                .containsPattern("Kafka `ProducerPerformance`: [\\d,]+ records/s")
                .containsPattern("PostgreSQL `pgbench`: [\\d,]+ transactions/s, 2 clients, scale 2, 2 s, fsync=on, "
                        + "synchronous_commit=on")
                .containsPattern("\\| POST → CONFIRMED \\| p50 [\\d.]+, p95");
        // every order accepted in the measured part ended, and each second of the run is a row
        assertThat(summary).containsPattern("\\| accepted \\(202\\) \\| (\\d+) = [\\d.]+/s \\|");
        String accepted = summary.replaceAll("(?s).*\\| accepted \\(202\\) \\| (\\d+) = .*", "$1");
        assertThat(summary).contains("| completed (terminal event seen) | " + accepted + " = ");
        assertThat(Integer.parseInt(accepted)).isGreaterThan(0);
        assertThat(Files.readAllLines(out.resolve("timeline.csv"))).hasSizeGreaterThan(6);
        assertThat(Files.readString(out.resolve("chart.svg"))).startsWith("<svg").contains("POST → terminal p99");
    }
}

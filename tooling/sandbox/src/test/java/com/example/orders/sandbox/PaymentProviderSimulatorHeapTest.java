package com.example.orders.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The simulator as {@code ./suite up} runs it, in a process of its own with a small heap, after a day of benchmarks: it
 * starts on a ledger of many bookings and answers the whole ledger, which the benchmark reads to check its invariants.
 */
class PaymentProviderSimulatorHeapTest {

    private static final int BOOKINGS = 60_000;

    private static final Pattern LISTENING = Pattern.compile("listening on [^:]+:(\\d+)");

    @TempDir
    Path data;

    @Test
    void answersTheWholeLedgerOfADayOfBenchmarksWithinTheSuitesHeap() throws Exception {
        try (BufferedWriter ledger = Files.newBufferedWriter(data.resolve("ledger.jsonl"))) {
            for (int i = 0; i < BOOKINGS; i++) {
                String orderId = "order-" + i;
                ledger.write(
                        JsonLines.JSON.writeValueAsString(new Ledger.Entry(Ledger.Kind.CAPTURE, "capture-" + orderId,
                                "0".repeat(64), orderId, "cap_" + i, null, new BigDecimal("29.97"), "EUR", null,
                                Instant.now())));
                ledger.newLine();
            }
        }
        Process simulator = ChildProcesses.startAsTheSuiteDoes(PaymentProviderSimulator.class, "--port", "0",
                "--data", data.toString());
        try {
            URI ledger = URI.create("http://127.0.0.1:"
                    + ChildProcesses.portOnceListening(simulator, LISTENING, Duration.ofSeconds(60)) + "/v1/ledger");
            // a bound on the whole answer: a simulator out of memory keeps the connection open with half a body
            HttpResponse<String> answer = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(ledger)
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString())
                    .get(60, TimeUnit.SECONDS);

            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode entries = JsonLines.JSON.readTree(answer.body()).get("entries");
            assertThat(entries).hasSize(BOOKINGS);
            assertThat(entries.get(BOOKINGS - 1).get("orderId").asText()).isEqualTo("order-" + (BOOKINGS - 1));
            assertThat(simulator.isAlive()).isTrue();
        } finally {
            simulator.destroy();
            simulator.waitFor(10, TimeUnit.SECONDS);
        }
    }
}

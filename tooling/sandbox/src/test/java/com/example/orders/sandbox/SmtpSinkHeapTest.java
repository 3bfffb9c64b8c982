package com.example.orders.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The sink as {@code ./suite up} runs it, in a process of its own with a small heap, after a day of benchmarks: it
 * starts on a journal of many emails (93,000 in the one that kept it from starting) and lists them all.
 */
class SmtpSinkHeapTest {

    private static final int EMAILS = 150_000;

    private static final Pattern LISTENING = Pattern.compile("messages at port (\\d+)");

    @TempDir
    Path data;

    @Test
    void startsOnTheJournalOfADayOfBenchmarksAndListsItWithinTheSuitesHeap() throws Exception {
        try (BufferedWriter journal = Files.newBufferedWriter(data.resolve("received.jsonl"))) {
            for (int i = 0; i < EMAILS; i++) {
                journal.write(JsonLines.JSON.writeValueAsString(new SmtpSink.Received("<n-" + i + "@orders.local>",
                        "orders@shop.example", List.of("customer-" + (i % 200) + "@customers.example"),
                        "Your order order-" + i + " is confirmed", "order-" + i, Instant.now())));
                journal.newLine();
            }
        }
        Process sink = ChildProcesses.startAsTheSuiteDoes(SmtpSink.class, "--smtp-port", "0", "--api-port", "0",
                "--data", data.toString());
        try {
            URI messages = URI.create("http://127.0.0.1:"
                    + ChildProcesses.portOnceListening(sink, LISTENING, Duration.ofSeconds(60)) + "/messages");
            HttpClient http = HttpClient.newHttpClient();
            // a bound on the whole answer: a sink out of memory keeps the connection open with half a body
            HttpResponse<String> all = http.sendAsync(HttpRequest.newBuilder(messages)
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString())
                    .get(60, TimeUnit.SECONDS);
            HttpResponse<String> one = http.send(HttpRequest.newBuilder(URI.create(messages + "?orderId=order-7"))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(all.statusCode()).isEqualTo(200);
            JsonNode listed = JsonLines.JSON.readTree(all.body()).get("messages");
            assertThat(listed).hasSize(EMAILS);
            assertThat(listed.get(EMAILS - 1).get("orderId").asText()).isEqualTo("order-" + (EMAILS - 1));
            assertThat(JsonLines.JSON.readTree(one.body()).get("messages")).singleElement()
                    .satisfies(message -> assertThat(message.get("messageId").asText())
                            .isEqualTo("<n-7@orders.local>"));
            assertThat(sink.isAlive()).isTrue();
        } finally {
            sink.destroy();
            sink.waitFor(10, TimeUnit.SECONDS);
        }
    }
}

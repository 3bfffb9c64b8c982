package com.example.orders.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The repository's contract ({@code docs/contract.md}) against the wire contracts in this module: a topic or a header
 * added, renamed or dropped in code and not in the contract (or the other way round) fails the build.
 */
class ContractDocumentTest {

    private static final Path CONTRACT = Path.of("..", "docs", "contract.md");
    private static final Pattern TOPIC = Pattern.compile("`([a-z]+\\.[a-z-]+\\.v\\d+)`");

    private static String contract;

    @BeforeAll
    static void readContract() throws IOException {
        contract = Files.readString(CONTRACT);
    }

    @Test
    void hasTheSectionsTheCodeCites() {
        assertThat(contract).contains("\n## 1. Running it", "\n## 2. HTTP API", "\n## 3. Kafka topics",
                "\n## 4. Operations");
    }

    @Test
    void namesEveryTopicOfTheWireContractsAndNoOther() {
        Matcher topics = TOPIC.matcher(section("## 3. Kafka topics", "Every record is a CloudEvent"));
        List<String> named = topics.results().map(match -> match.group(1)).toList();

        assertThat(named).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(EventType.values()).map(EventType::topic).toList());
    }

    @Test
    void namesEveryCloudEventHeaderTheEnvelopeWrites() {
        String envelope = section("Every record is a CloudEvent", "`shared-events` publishes");

        assertThat(envelope).contains(List.of(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.ID,
                CloudEventHeaders.SOURCE, CloudEventHeaders.TYPE, CloudEventHeaders.TIME, CloudEventHeaders.SUBJECT,
                CloudEventHeaders.CORRELATION_ID, CloudEventHeaders.CAUSATION_ID, CloudEventHeaders.CONTENT_TYPE,
                CloudEventHeaders.TRACEPARENT, CloudEventHeaders.TRACESTATE).stream().map(header -> "`" + header)
                .toList());
    }

    private static String section(String from, String to) {
        int start = contract.indexOf(from);
        int end = contract.indexOf(to, start + from.length());
        assertThat(start).as("'%s' in %s", from, CONTRACT).isNotNegative();
        assertThat(end).as("'%s' after '%s' in %s", to, from, CONTRACT).isGreaterThan(start);
        return contract.substring(start, end);
    }
}

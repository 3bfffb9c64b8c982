package com.example.orders.testsupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Drives a service's replay endpoint ({@code /ops/replays}) the way {@code ./suite replay} does. */
public final class Replaying {

    /** Every partition of the topics, from its first offset to its end now. */
    public static List<Map<String, Object>> wholeTopics(Collection<String> topics) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition()))));
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            return partitions.stream().map(partition -> {
                Map<String, Object> window = new LinkedHashMap<>();
                window.put("topic", partition.topic());
                window.put("partition", partition.partition());
                window.put("from", start.get(partition));
                window.put("to", end.get(partition));
                return window;
            }).toList();
        }
    }

    /** Starts a replay as an operator and waits until it is done; @return its final report */
    public static JsonPath replay(List<Map<String, Object>> windows, boolean dryRun, boolean rebuild) {
        String id = given().auth().oauth2(TestTokens.admin("on-call")).contentType(ContentType.JSON)
                .body(Map.of("partitions", windows, "dryRun", dryRun, "rebuild", rebuild))
                .post("/ops/replays")
                .then().statusCode(202).extract().jsonPath().getString("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> !report(id).getString("state").equals("RUNNING"));
        return report(id);
    }

    public static JsonPath report(String id) {
        return given().auth().oauth2(TestTokens.admin("on-call")).get("/ops/replays/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    /**
     * How many records of the windows repeat an event an earlier record of them carried (the same {@code ce_id}: an
     * event published again, as after a crash of a relay). A replay applies an event once and counts its repeats as
     * applied before, even right after a rebuild forgot everything.
     */
    public static long repeatedEvents(List<Map<String, Object>> windows) {
        Set<String> seen = new HashSet<>();
        long repeats = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            for (Map<String, Object> window : windows) {
                TopicPartition partition = new TopicPartition((String) window.get("topic"),
                        (Integer) window.get("partition"));
                long to = ((Number) window.get("to")).longValue();
                consumer.assign(List.of(partition));
                consumer.seek(partition, ((Number) window.get("from")).longValue());
                while (consumer.position(partition) < to) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        Header id = record.headers().lastHeader("ce_id");
                        if (record.offset() < to && id != null
                                && !seen.add(new String(id.value(), StandardCharsets.UTF_8))) {
                            repeats++;
                        }
                    }
                }
            }
        }
        return repeats;
    }

    /** The sum of one counter over every partition of a report. */
    public static long total(JsonPath report, String counter) {
        return report.getList("partitions." + counter, Long.class).stream().mapToLong(Long::longValue).sum();
    }

    private Replaying() {
    }
}

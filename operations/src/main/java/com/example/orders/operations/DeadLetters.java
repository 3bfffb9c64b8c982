package com.example.orders.operations;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.example.orders.events.CloudEventHeaders;
import com.example.orders.events.DeadLetterHeaders;
import com.example.orders.events.Topics;

/**
 * A consumer group's dead letters ({@code <group>.dlq}, written by the service platform's consumption with the
 * {@code dead-letter-*} headers of the contract): what they are, and re-driving them after a fix. A redrive publishes
 * each record again to the topic and partition it came from, byte for byte with its CloudEvent headers (so the same
 * {@code ce_id}) and without the {@code dead-letter-*} ones; every consumer de-duplicates on {@code ce_id}, so groups
 * that applied the event before skip it, and the failed group applies it now. Progress is kept in
 * {@link RedriveLedger}s.
 */
public final class DeadLetters implements AutoCloseable {

    /** The header a re-driven record carries: where in the dead-letter topic it came from. */
    public static final String REDRIVEN_FROM = "redriven-from";

    /** What one dead letter says. */
    public record DeadLetter(int partition, long offset, Optional<String> ceId, String type, String orderId,
            String reason, Optional<String> originTopic, int originPartition, long originOffset, Instant diedAt,
            boolean redriven) {

        public String origin() {
            return originTopic.map(topic -> topic + "/" + originPartition + "@" + originOffset).orElse("?");
        }
    }

    /** One dead letter opened: what it says, and the record as it lies in the dead-letter topic. */
    public record Opened(DeadLetter letter, String key, List<Map.Entry<String, String>> headers, String value) {
    }

    /** What a redrive did. */
    public record Redrive(int redriven, int duplicatesFolded, int withoutOrigin) {
    }

    private final String bootstrapServers;
    private final Admin admin;

    public DeadLetters(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                15_000));
    }

    public static String redriveGroupOf(String group) {
        return group + ".dlq-redrive";
    }

    /** Every dead letter of the group, oldest first, each marked re-driven or pending. */
    public List<DeadLetter> list(String group) {
        return entries(group).stream().map(Entry::letter).toList();
    }

    /** The dead letter at that place of the group's dead-letter topic, headers and value as text. */
    public Optional<Opened> open(String group, int partition, long offset) {
        return entries(group).stream()
                .filter(entry -> entry.letter().partition() == partition && entry.letter().offset() == offset)
                .findFirst()
                .map(entry -> {
                    List<Map.Entry<String, String>> headers = new ArrayList<>();
                    for (Header header : entry.record().headers()) {
                        headers.add(Map.entry(header.key(), header.value() == null
                                ? ""
                                : new String(header.value(), StandardCharsets.UTF_8)));
                    }
                    byte[] value = entry.record().value();
                    return new Opened(entry.letter(), entry.record().key(), headers,
                            value == null ? "" : new String(value, StandardCharsets.UTF_8));
                });
    }

    /**
     * The dead letters of every group that has a dead-letter topic, read in one pass over all of them (for a page that
     * looks for one order's letters in every group).
     */
    public Map<String, List<DeadLetter>> listAll(Collection<String> groups) {
        Set<String> existing = topicNames();
        Map<String, List<DeadLetter>> letters = new LinkedHashMap<>();
        entriesOf(groups.stream().filter(group -> existing.contains(Topics.deadLetterTopicOf(group))).toList())
                .forEach((group, entries) -> letters.put(group, entries.stream().map(Entry::letter).toList()));
        return letters;
    }

    /** Whether the group has a dead-letter topic yet (one is made when its first record dies, or by provisioning). */
    public boolean hasDeadLetterTopic(String group) {
        return topicNames().contains(Topics.deadLetterTopicOf(group));
    }

    /**
     * Re-drives the pending dead letters of the group (only those of one event when {@code ceId} is given), each event
     * once however often it died, then marks them re-driven. What fails again comes back as a new dead letter, to be
     * re-driven by the next redrive, never by this one.
     */
    public Redrive redrive(String group, Optional<String> ceId) {
        List<Entry> pending = entries(group).stream()
                .filter(entry -> !entry.letter().redriven())
                .filter(entry -> ceId.isEmpty() || ceId.equals(entry.letter().ceId()))
                .toList();
        if (ceId.isPresent() && pending.isEmpty()) {
            throw new OperationFailed("no pending dead letter with ce_id " + ceId.get() + " in "
                    + Topics.deadLetterTopicOf(group) + " (./suite dlq list " + group + " shows them)");
        }
        // the newest dead letter of an event stands for all of them; records without a ce_id stand for themselves
        Map<String, Entry> toSend = new LinkedHashMap<>();
        int withoutOrigin = 0;
        for (Entry entry : pending) {
            DeadLetter letter = entry.letter();
            if (letter.originTopic().isEmpty()) {
                withoutOrigin++;
                continue;
            }
            toSend.put(letter.ceId().orElse(letter.partition() + "@" + letter.offset()), entry);
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Entry entry : toSend.values()) {
                sent.add(producer.send(again(group, entry)));
            }
            sent.forEach(future -> KafkaCalls.await(future, "cannot re-publish a dead letter (nothing is marked "
                    + "re-driven; run the redrive again)"));
        }
        markRedriven(group, pending.stream().map(Entry::letter).toList());
        return new Redrive(toSend.size(), pending.size() - toSend.size() - withoutOrigin, withoutOrigin);
    }

    private record Entry(DeadLetter letter, ConsumerRecord<String, byte[]> record) {
    }

    private List<Entry> entries(String group) {
        requireTopic(Topics.deadLetterTopicOf(group));
        return entriesOf(List.of(group)).get(group);
    }

    /** The dead letters of each group, oldest first, read in one pass over their dead-letter topics. */
    private Map<String, List<Entry>> entriesOf(List<String> groups) {
        Map<String, List<Entry>> entries = new LinkedHashMap<>();
        if (groups.isEmpty()) {
            return entries;
        }
        Map<String, String> groupOfTopic = new LinkedHashMap<>();
        Map<String, Map<Integer, RedriveLedger>> ledgers = new HashMap<>();
        for (String group : groups) {
            groupOfTopic.put(Topics.deadLetterTopicOf(group), group);
            ledgers.put(group, ledgers(group));
            entries.put(group, new ArrayList<>());
        }
        for (ConsumerRecord<String, byte[]> record : TopicRecords.allOf(bootstrapServers, groupOfTopic.keySet())) {
            String group = groupOfTopic.get(record.topic());
            entries.get(group).add(new Entry(read(record, ledgers.get(group).getOrDefault(record.partition(),
                    RedriveLedger.from(null))), record));
        }
        entries.values().forEach(list -> list.sort(Comparator.comparing((Entry entry) -> entry.letter().diedAt())
                .thenComparing(entry -> entry.letter().partition())
                .thenComparing(entry -> entry.letter().offset())));
        return entries;
    }

    private ProducerRecord<String, byte[]> again(String group, Entry entry) {
        DeadLetter letter = entry.letter();
        Headers headers = new RecordHeaders();
        for (Header header : entry.record().headers()) {
            if (!header.key().startsWith(DeadLetterHeaders.PREFIX) && !header.key().equals(REDRIVEN_FROM)) {
                headers.add(header);
            }
        }
        headers.add(REDRIVEN_FROM, (Topics.deadLetterTopicOf(group) + "/" + letter.partition() + "@"
                + letter.offset()).getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(letter.originTopic().orElseThrow(),
                letter.originPartition() >= 0 ? letter.originPartition() : null, entry.record().key(),
                entry.record().value(), headers);
    }

    private void markRedriven(String group, List<DeadLetter> letters) {
        Map<Integer, RedriveLedger> ledgers = ledgers(group);
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        letters.stream()
                .collect(Collectors.groupingBy(DeadLetter::partition,
                        Collectors.mapping(DeadLetter::offset, Collectors.toList())))
                .forEach((partition, offsets) -> commits.put(
                        new TopicPartition(Topics.deadLetterTopicOf(group), partition),
                        ledgers.getOrDefault(partition, RedriveLedger.from(null)).with(offsets).toCommit()));
        if (commits.isEmpty()) {
            return;
        }
        KafkaCalls.await(admin.alterConsumerGroupOffsets(redriveGroupOf(group), commits).all(),
                "re-driven, but cannot record it (a second redrive would send them again, which consumers skip)");
    }

    private Map<Integer, RedriveLedger> ledgers(String group) {
        Map<TopicPartition, OffsetAndMetadata> committed = KafkaCalls.await(admin.listConsumerGroupOffsets(
                redriveGroupOf(group)).partitionsToOffsetAndMetadata(), "cannot read the redrive progress of " + group);
        Map<Integer, RedriveLedger> ledgers = new HashMap<>();
        committed.forEach((partition, offset) -> {
            if (partition.topic().equals(Topics.deadLetterTopicOf(group))) {
                ledgers.put(partition.partition(), RedriveLedger.from(offset));
            }
        });
        return ledgers;
    }

    private Set<String> topicNames() {
        return KafkaCalls.await(admin.listTopics().names(), "cannot reach the broker at " + bootstrapServers);
    }

    private void requireTopic(String topic) {
        if (!topicNames().contains(topic)) {
            throw new OperationFailed("there is no dead-letter topic " + topic + " (consumer groups are named after "
                    + "their services, e.g. inventory-service)");
        }
    }

    private static DeadLetter read(ConsumerRecord<String, byte[]> record, RedriveLedger ledger) {
        Headers headers = record.headers();
        return new DeadLetter(record.partition(), record.offset(), header(headers, CloudEventHeaders.ID),
                header(headers, CloudEventHeaders.TYPE).orElse("-"),
                header(headers, CloudEventHeaders.SUBJECT).or(() -> Optional.ofNullable(record.key())).orElse("-"),
                header(headers, DeadLetterHeaders.REASON).orElse("-"),
                header(headers, DeadLetterHeaders.TOPIC),
                header(headers, DeadLetterHeaders.PARTITION).map(Integer::parseInt).orElse(-1),
                header(headers, DeadLetterHeaders.OFFSET).map(Long::parseLong).orElse(-1L),
                Instant.ofEpochMilli(record.timestamp()), ledger.isRedriven(record.offset()));
    }

    private static Optional<String> header(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        admin.close();
    }
}

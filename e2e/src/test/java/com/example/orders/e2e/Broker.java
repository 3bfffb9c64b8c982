package com.example.orders.e2e;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.example.orders.operations.TopicRecords;

/**
 * The suite's broker as an incident sees it: a record delivered a second time (a producer retry, a replay), and a
 * record no consumer can read. Used only where HTTP cannot reach: the contract's topics themselves.
 */
final class Broker implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;
    private final Admin admin;

    Broker(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /**
     * Sends the order's record on the topic again, byte for byte with its headers (the same CloudEvent), and waits
     * until every named consumer group has consumed past it.
     */
    void redeliver(String topic, String orderId, List<String> groups) {
        ConsumerRecord<String, byte[]> original = recordsOf(topic).stream()
                .filter(record -> orderId.equals(record.key()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no record of order " + orderId + " on " + topic));
        ProducerRecord<String, byte[]> again = new ProducerRecord<>(topic, null, original.key(), original.value(),
                original.headers());
        RecordMetadata sent = send(again);
        TopicPartition partition = new TopicPartition(topic, sent.partition());
        for (String group : groups) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get().get(partition);
                return committed != null && committed.offset() > sent.offset();
            });
        }
    }

    /** Sends a record that is not an event of the contract; @return its key. */
    String sendPoison(String topic) {
        String key = "poison-" + UUID.randomUUID();
        send(new ProducerRecord<>(topic, key, "{not json".getBytes(StandardCharsets.UTF_8)));
        return key;
    }

    /** The partitions each member of the group holds now, one set per member. */
    List<java.util.Set<TopicPartition>> assignmentsOf(String group) {
        try {
            return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().stream()
                    .map(member -> member.assignment().topicPartitions())
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe group " + group, e);
        }
    }

    boolean hasRecordWithKey(String topic, String key) {
        return recordsOf(topic).stream().anyMatch(record -> key.equals(record.key()));
    }

    private RecordMetadata send(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + record.topic(), e);
        }
    }

    private List<ConsumerRecord<String, byte[]>> recordsOf(String topic) {
        return TopicRecords.all(bootstrapServers, topic);
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}

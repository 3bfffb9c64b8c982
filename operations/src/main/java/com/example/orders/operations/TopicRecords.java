package com.example.orders.operations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads topics from their beginnings to their current ends, without joining any consumer group. */
public final class TopicRecords {

    public static List<ConsumerRecord<String, byte[]>> all(String bootstrapServers, String topic) {
        return allOf(bootstrapServers, List.of(topic));
    }

    /** Every record of the topics, from their beginnings to their current ends, in one pass. */
    public static List<ConsumerRecord<String, byte[]>> allOf(String bootstrapServers, Collection<String> topics) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The records of one key (order id), in partition order. */
    public static List<ConsumerRecord<String, byte[]>> withKey(String bootstrapServers, String topic, String key) {
        return all(bootstrapServers, topic).stream().filter(record -> key.equals(record.key())).toList();
    }

    private TopicRecords() {
    }
}

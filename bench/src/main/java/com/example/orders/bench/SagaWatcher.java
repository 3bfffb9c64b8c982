package com.example.orders.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.example.orders.events.EventType;
import com.example.orders.localinfra.SuiteService;

/**
 * Reads every saga topic and every dead-letter topic from where they end when the run starts, as an observer: no
 * consumer group (nothing committed, no rebalance), every partition assigned, read committed. This is how the benchmark
 * learns when an order ends, instead of asking the API over and over.
 */
final class SagaWatcher implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Orders orders;
    private final Thread thread;
    private final AtomicLong records = new AtomicLong();
    private volatile boolean running = true;

    SagaWatcher(String bootstrapServers, Orders orders) {
        this.orders = orders;
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        for (EventType type : EventType.values()) {
            topics.add(type.topic());
        }
        for (SuiteService service : SuiteService.values()) {
            topics.add(service.deadLetterTopic());
        }
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            for (PartitionInfo info : infos == null ? List.<PartitionInfo>of() : infos) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // resolve the positions now: what is published from here on is this run's
        partitions.forEach(consumer::position);
        this.thread = new Thread(this::run, "saga-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    records.incrementAndGet();
                    orders.saw(record);
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Records read so far (saga events and dead letters). */
    long records() {
        return records.get();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

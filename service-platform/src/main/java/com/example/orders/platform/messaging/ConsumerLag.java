package com.example.orders.platform.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.example.orders.platform.background.BackgroundWorker;
import com.example.orders.platform.background.CommitNotifications;
import com.example.orders.platform.outage.Outages;
import com.example.orders.platform.replay.ConsumedTopics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * {@code messaging_consumer_lag{group, topic, partition}}: how many records this service's consumer group is behind on
 * each partition of the topics it consumes, as the broker sees it (the partition's end offset minus the group's
 * committed offset, as {@code kafka-consumer-groups --describe} reports {@code LAG}). Read from the broker every
 * {@code platform.consumer.lag-interval} (15 s), so it keeps growing while the consumer is held (an outage it waits
 * out) or stuck, where the Kafka client's own {@code records-lag} stops at its last fetch.
 */
@ApplicationScoped
public class ConsumerLag {

    private final ConsumedTopics consumed;
    private final MeterRegistry meters;
    private final String group;
    private final String bootstrapServers;
    private final Duration interval;
    private final Outages.Waiter outage;
    private final Map<TopicPartition, AtomicLong> lags = new ConcurrentHashMap<>();
    private Admin admin;
    private BackgroundWorker worker;

    ConsumerLag(ConsumedTopics consumed, MeterRegistry meters, Outages outages,
            @ConfigProperty(name = "quarkus.application.name") String group,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, ConsumptionConfig config) {
        this.consumed = consumed;
        this.meters = meters;
        this.group = group;
        this.bootstrapServers = bootstrapServers;
        this.interval = config.lagInterval();
        this.outage = outages.worker("consumer-lag", false);
    }

    void start(@Observes StartupEvent started) {
        if (consumed.topics().isEmpty()) {
            return;
        }
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, group + "-lag"));
        worker = BackgroundWorker.start("consumer-lag", new CommitNotifications.Wakeup(), interval, outage,
                this::measure);
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        if (worker != null) {
            worker.stop();
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }

    private boolean measure() throws Exception {
        Set<String> topics = consumed.topics();
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                .get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        described.values().forEach(topic -> topic.partitions().forEach(partition -> latest.put(
                new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        ends.forEach((partition, end) -> {
            OffsetAndMetadata at = committed.get(partition);
            long lag = Math.max(0, end.offset() - (at == null ? 0 : at.offset()));
            lags.computeIfAbsent(partition, this::gauge).set(lag);
        });
        return false;
    }

    private AtomicLong gauge(TopicPartition partition) {
        AtomicLong lag = new AtomicLong();
        Gauge.builder("messaging.consumer.lag", lag, AtomicLong::get)
                .description("Records the consumer group is behind on a partition (end offset minus committed)")
                .tag("group", group)
                .tag("topic", partition.topic())
                .tag("partition", Integer.toString(partition.partition()))
                .register(meters);
        return lag;
    }
}

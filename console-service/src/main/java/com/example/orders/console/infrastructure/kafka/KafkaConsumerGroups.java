package com.example.orders.console.infrastructure.kafka;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.example.orders.console.application.ConsumerGroups;
import com.example.orders.console.application.OperationNotDone;
import com.example.orders.events.ConsumerCatalogue;

/**
 * Lag as the broker sees it, for every group of the consumer catalogue: whether or not its service runs (when it does
 * not, its lag is what matters most), the group's committed offsets against the end of every partition it reads.
 */
@ApplicationScoped
class KafkaConsumerGroups implements ConsumerGroups {

    private static final long PATIENCE_SECONDS = 10;

    private final Admin admin;
    private final Map<String, List<String>> topicsOfGroup = new java.util.LinkedHashMap<>();

    KafkaConsumerGroups(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                10_000));
        for (ConsumerCatalogue.Consumer consumer : ConsumerCatalogue.load().consumers()) {
            topicsOfGroup.computeIfAbsent(consumer.group(), group -> new ArrayList<>())
                    .addAll(consumer.reads().keySet());
        }
    }

    @Override
    public List<GroupLag> lags() {
        List<String> topics = topicsOfGroup.values().stream().flatMap(List::stream).distinct().sorted().toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).topicNameValues().forEach((name, description) -> {
            try {
                TopicDescription topic = await(description, "cannot describe " + name);
                topic.partitions().forEach(partition -> latest.put(new TopicPartition(name, partition.partition()),
                        OffsetSpec.latest()));
            } catch (OperationNotDone e) {
                // a topic nobody wrote to yet has no partitions, and no group lags behind on it
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
        });
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = await(admin.listOffsets(latest).all(),
                "cannot read the ends of the topics");
        Map<String, KafkaFuture<ConsumerGroupDescription>> groups = admin.describeConsumerGroups(
                topicsOfGroup.keySet()).describedGroups();
        // every group's committed offsets in one request
        Map<String, ListConsumerGroupOffsetsSpec> everyPartition = new HashMap<>();
        topicsOfGroup.keySet().forEach(group -> everyPartition.put(group, new ListConsumerGroupOffsetsSpec()));
        ListConsumerGroupOffsetsResult offsets = admin.listConsumerGroupOffsets(everyPartition);
        List<GroupLag> lags = new ArrayList<>();
        topicsOfGroup.forEach((group, read) -> {
            // a group that never ran is unknown to the broker: no members, nothing committed
            Map<TopicPartition, OffsetAndMetadata> committed = unlessUnknown(() -> await(offsets
                    .partitionsToOffsetAndMetadata(group), "cannot read the offsets of " + group), Map.of());
            int members = unlessUnknown(() -> await(groups.get(group), "cannot describe " + group).members().size(),
                    0);
            List<PartitionLag> partitions = new ArrayList<>();
            ends.forEach((partition, end) -> {
                if (read.contains(partition.topic())) {
                    OffsetAndMetadata at = committed.get(partition);
                    long offset = at == null ? -1 : at.offset();
                    partitions.add(new PartitionLag(partition.topic(), partition.partition(), offset, end.offset(),
                            Math.max(0, end.offset() - Math.max(0, offset))));
                }
            });
            partitions.sort(Comparator.comparing(PartitionLag::topic).thenComparing(PartitionLag::partition));
            lags.add(new GroupLag(group, members, partitions));
        });
        return lags;
    }

    private static <T> T unlessUnknown(java.util.function.Supplier<T> call, T unknown) {
        try {
            return call.get();
        } catch (OperationNotDone e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return unknown;
            }
            throw e;
        }
    }

    private static <T> T await(KafkaFuture<T> call, String whatFailed) {
        try {
            return call.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new OperationNotDone(whatFailed + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new OperationNotDone(whatFailed + ": the broker did not answer in " + PATIENCE_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationNotDone(whatFailed + ": interrupted", e);
        }
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}

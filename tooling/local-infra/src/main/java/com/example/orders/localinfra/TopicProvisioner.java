package com.example.orders.localinfra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import com.example.orders.events.EventType;

/**
 * Creates the topics of the suite before any service uses them: every topic of the contract and every service's
 * dead-letter topic, with a fixed partition count (auto-creation would race the first producer and pick defaults).
 * Kubernetes gets the same list as Strimzi {@code KafkaTopic} resources.
 */
public final class TopicProvisioner {

    public static final int PARTITIONS = 3;

    public static List<String> suiteTopics() {
        List<String> topics = new ArrayList<>();
        for (EventType type : EventType.values()) {
            topics.add(type.topic());
        }
        for (SuiteService service : SuiteService.values()) {
            topics.add(service.deadLetterTopic());
        }
        return topics;
    }

    /** Creates whichever suite topics are missing; existing ones are left as they are. */
    public static void ensureTopics(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = suiteTopics().stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, PARTITIONS, (short) 1))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the suite's topics on " + bootstrapServers + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    private TopicProvisioner() {
    }
}

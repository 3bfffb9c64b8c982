package com.example.orders.console.infrastructure.http;

import static com.example.orders.console.infrastructure.OperationCalls.attempt;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.example.orders.console.application.GroupReplays;
import com.example.orders.console.application.OperationNotDone;
import com.example.orders.operations.HttpServiceOperations;
import com.example.orders.operations.OperationFailed;
import com.example.orders.operations.Replay;

/** Replays through the very code of {@code ./suite replay}: its windows, and the service's {@code /ops/replays}. */
@ApplicationScoped
class HttpGroupReplays implements GroupReplays {

    private final ServiceDirectory directory;
    private final Replay replay;

    HttpGroupReplays(ServiceDirectory directory,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.directory = directory;
        this.replay = new Replay(bootstrapServers);
    }

    @Override
    public List<String> groups() {
        return List.copyOf(directory.addresses().keySet());
    }

    @Override
    public Progress start(String group, Optional<String> topic, From from, Optional<Instant> to, boolean dryRun,
            boolean rebuild, String operatorToken) {
        HttpServiceOperations service = serviceOf(group, operatorToken);
        return attempt(() -> {
            Set<String> consumed = service.consumedTopics();
            if (topic.isPresent() && !consumed.contains(topic.get())) {
                throw new OperationFailed(group + " does not consume " + topic.get() + "; it consumes " + consumed);
            }
            List<Replay.Window> windows = replay.windows(topic.map(Set::of).orElse(consumed), from(from), to);
            return progress(group, service.start(windows, dryRun, rebuild));
        });
    }

    @Override
    public Progress progress(String group, String id, String operatorToken) {
        HttpServiceOperations service = serviceOf(group, operatorToken);
        return attempt(() -> progress(group, service.report(id)));
    }

    private HttpServiceOperations serviceOf(String group, String operatorToken) {
        URI address = directory.addressOf(group).orElseThrow(() -> new OperationNotDone("the console knows no "
                + "service of group " + group, null));
        return new HttpServiceOperations(address, operatorToken, Duration.ZERO);
    }

    private static Replay.From from(From from) {
        if (from instanceof AtTime at) {
            return new Replay.From.AtTime(at.time());
        }
        if (from instanceof AtOffset at) {
            return new Replay.From.AtOffset(at.offset());
        }
        return new Replay.From.Earliest();
    }

    private static Progress progress(String group, HttpServiceOperations.ReplayReport report) {
        return new Progress(report.id(), group, report.state(), report.error(), report.dryRun(), report.rebuild(),
                report.startedAt(), report.finishedAt(), report.partitions().stream()
                        .map(partition -> new PartitionProgress(partition.topic(), partition.partition(),
                                partition.from(), partition.to(), partition.records(), partition.alreadyApplied(),
                                partition.appliedNow(), partition.deadLettered(), partition.notEvents()))
                        .toList());
    }

    @PreDestroy
    void close() {
        replay.close();
    }
}

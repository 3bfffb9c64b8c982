package com.example.orders.suite;

import java.time.Duration;
import java.util.Optional;

import com.example.orders.localinfra.FreePort;
import com.example.orders.localinfra.KafkaBroker;
import com.example.orders.localinfra.TopicProvisioner;

/** The Apache Kafka broker (KRaft) of the suite, its data kept in {@code .suite/kafka}; or an external one. */
final class KafkaComponent implements Component {

    private final SuiteHome home;
    private final Settings settings;

    KafkaComponent(SuiteHome home, Settings settings) {
        this.home = home;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "kafka";
    }

    String bootstrapServers() {
        return settings.externalKafka().orElse("127.0.0.1:" + settings.kafkaPort());
    }

    @Override
    public String address() {
        return bootstrapServers();
    }

    @Override
    public Optional<ProcessHandle> process() {
        return KafkaBroker.runningOn(home.kafkaData());
    }

    @Override
    public Health health() {
        if (settings.externalKafka().isPresent()) {
            return Health.EXTERNAL;
        }
        if (process().isEmpty()) {
            return Health.STOPPED;
        }
        return FreePort.isListening(settings.kafkaPort()) ? Health.UP : Health.DOWN;
    }

    @Override
    public void start() {
        if (settings.externalKafka().isPresent() || process().isPresent()) {
            return;
        }
        for (int port : new int[]{settings.kafkaPort(), settings.kafkaControllerPort()}) {
            if (FreePort.isListening(port)) {
                throw new SuiteException("kafka: port " + port + " is already in use by another process (set "
                        + (port == settings.kafkaPort() ? "KAFKA_PORT" : "KAFKA_CONTROLLER_PORT")
                        + " to use another)");
            }
        }
        try {
            KafkaBroker.start(new KafkaBroker.Settings(home.kafkaData(), settings.kafkaPort(),
                    settings.kafkaControllerPort(), home.log(name()), false));
        } catch (IllegalStateException e) {
            throw new SuiteException("kafka: " + e.getMessage().lines().findFirst().orElse("") + " (see " + log()
                    + ")", e);
        }
    }

    @Override
    public void awaitReady(Duration timeout) {
        // KafkaBroker.start returns once the broker serves; the topics must exist before any service subscribes
        TopicProvisioner.ensureTopics(bootstrapServers());
    }

    @Override
    public boolean stop() {
        // even when KAFKA_BOOTSTRAP_SERVERS is set now: a broker this launcher started is still its to stop
        return KafkaBroker.pidFileOf(home.kafkaData()).stop(Duration.ofSeconds(30));
    }

    @Override
    public String log() {
        return settings.externalKafka().isPresent() ? "-" : home.log(name()).toString();
    }
}

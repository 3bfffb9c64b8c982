package com.example.orders.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import com.example.orders.localinfra.ServiceDatabase;
import com.example.orders.localinfra.TopicProvisioner;

/**
 * The real Kafka broker and PostgreSQL server of this test JVM, started on first use and kept until the JVM exits,
 * however many test classes and Quarkus restarts use them.
 * <p>
 * Which infrastructure, decided once:
 * <ol>
 * <li>what the environment names: {@code KAFKA_BOOTSTRAP_SERVERS}, {@code <SERVICE>_DB_URL/_USER/_PASSWORD};</li>
 * <li>else containers, where a Docker engine answers (Strimzi Kafka, PostgreSQL);</li>
 * <li>else child processes: Kafka from Maven Central and zonky's embedded PostgreSQL.</li>
 * </ol>
 * {@code -Dsuite.test.infra=processes|containers} forces the choice between the last two.
 */
public final class TestInfrastructure {

    private static TestKafka kafka;
    private static TestDatabases databases;
    private static Path scratchDirectory;

    public static synchronized TestKafka kafka() {
        if (kafka == null) {
            String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
            if (external != null && !external.isBlank()) {
                kafka = new ExternalKafka(external);
            } else if (useContainers()) {
                kafka = new Containers.Kafka();
            } else {
                kafka = new LocalProcesses.Kafka(scratch());
            }
            TopicProvisioner.ensureTopics(kafka.bootstrapServers());
        }
        return kafka;
    }

    /** The PostgreSQL server holding the service's database, unless the environment names an external one. */
    public static synchronized Optional<Restartable> databaseServerOf(String serviceName) {
        return fromEnvironment(serviceName).isPresent() ? Optional.empty() : Optional.of(databaseServer());
    }

    private static TestDatabases databaseServer() {
        if (databases == null) {
            databases = useContainers() ? new Containers.Postgres() : new LocalProcesses.Postgres(scratch());
        }
        return databases;
    }

    /** The service's database: the one the environment names, else one provisioned on this JVM's server. */
    public static synchronized ServiceDatabase database(String serviceName) {
        Optional<ServiceDatabase> external = fromEnvironment(serviceName);
        if (external.isPresent()) {
            return external.get();
        }
        return databaseServer().provision(serviceName);
    }

    private static Optional<ServiceDatabase> fromEnvironment(String serviceName) {
        String prefix = ServiceDatabase.environmentPrefixOf(serviceName);
        String url = System.getenv(prefix + "_DB_URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ServiceDatabase(url, System.getenv(prefix + "_DB_USER"),
                System.getenv(prefix + "_DB_PASSWORD")));
    }

    private static Path scratch() {
        if (scratchDirectory == null) {
            scratchDirectory = LocalProcesses.scratchDirectory();
        }
        return scratchDirectory;
    }

    private static boolean useContainers() {
        String forced = System.getProperty("suite.test.infra", "").toLowerCase(Locale.ROOT);
        if (!forced.isEmpty()) {
            return forced.equals("containers");
        }
        boolean dockerConfigured = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"));
        // Only ask Testcontainers (which probes for seconds) when there is a Docker endpoint to ask.
        return dockerConfigured && DockerProbe.engineAnswers();
    }

    private record ExternalKafka(String bootstrapServers) implements TestKafka {

        @Override
        public boolean canRestart() {
            return false;
        }

        @Override
        public void stop() {
            throw new UnsupportedOperationException("an external broker is not ours to stop");
        }

        @Override
        public void start() {
            throw new UnsupportedOperationException("an external broker is not ours to start");
        }
    }

    private TestInfrastructure() {
    }
}

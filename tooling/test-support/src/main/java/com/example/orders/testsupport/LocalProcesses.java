package com.example.orders.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import com.example.orders.localinfra.FreePort;
import com.example.orders.localinfra.KafkaBroker;
import com.example.orders.localinfra.PostgresServer;
import com.example.orders.localinfra.ServiceDatabase;

/** A Kafka broker and a PostgreSQL server as child processes, in a temporary directory: no Docker needed. */
final class LocalProcesses {

    static final class Kafka implements TestKafka {

        private final KafkaBroker broker;

        Kafka(Path directory) {
            this.broker = KafkaBroker.start(KafkaBroker.Settings.forTests(directory.resolve("kafka")));
            Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "stop-test-kafka"));
        }

        @Override
        public String bootstrapServers() {
            return broker.bootstrapServers();
        }

        @Override
        public boolean canRestart() {
            return true;
        }

        @Override
        public void stop() {
            broker.stop();
        }

        @Override
        public void start() {
            broker.start();
        }
    }

    static final class Postgres implements TestDatabases {

        private final PostgresServer server;

        Postgres(Path directory) {
            this.server = PostgresServer.start(directory.resolve("postgres"), FreePort.find(),
                    directory.resolve("postgres.log"), true, UUID.randomUUID().toString());
        }

        @Override
        public ServiceDatabase provision(String serviceName) {
            return server.provision(serviceName, UUID.randomUUID().toString());
        }

        @Override
        public boolean canRestart() {
            return true;
        }

        @Override
        public void stop() {
            server.stop();
        }

        @Override
        public void start() {
            server.start();
        }
    }

    static Path scratchDirectory() {
        try {
            Path directory = Files.createTempDirectory("order-platform-test-");
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LocalProcesses() {
    }
}

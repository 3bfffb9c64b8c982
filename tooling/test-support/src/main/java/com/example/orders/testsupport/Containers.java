package com.example.orders.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import org.testcontainers.postgresql.PostgreSQLContainer;

import com.example.orders.localinfra.DatabaseProvisioner;
import com.example.orders.localinfra.ServiceDatabase;

import io.strimzi.test.container.StrimziKafkaContainer;

/** The same infrastructure as Docker containers (Strimzi's Kafka image, PostgreSQL), where a Docker engine answers. */
final class Containers {

    static final class Kafka implements TestKafka {

        private final StrimziKafkaContainer container = new StrimziKafkaContainer();

        Kafka() {
            container.start();
        }

        @Override
        public String bootstrapServers() {
            return container.getBootstrapServers();
        }

        @Override
        public boolean canRestart() {
            // a restarted container comes back on another mapped port
            return false;
        }

        @Override
        public void stop() {
            throw new UnsupportedOperationException("a Strimzi container cannot restart on the same port");
        }

        @Override
        public void start() {
            throw new UnsupportedOperationException("a Strimzi container cannot restart on the same port");
        }
    }

    static final class Postgres implements TestDatabases {

        private final PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");

        Postgres() {
            container.start();
        }

        @Override
        public ServiceDatabase provision(String serviceName) {
            try (Connection admin = DriverManager.getConnection(container.getJdbcUrl(), container.getUsername(),
                    container.getPassword())) {
                return DatabaseProvisioner.provision(admin, container.getHost(), container.getFirstMappedPort(),
                        serviceName, UUID.randomUUID().toString());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot provision the database of " + serviceName, e);
            }
        }

        @Override
        public boolean canRestart() {
            // a restarted container comes back on another mapped port
            return false;
        }

        @Override
        public void stop() {
            throw new UnsupportedOperationException("a PostgreSQL container cannot restart on the same port");
        }

        @Override
        public void start() {
            throw new UnsupportedOperationException("a PostgreSQL container cannot restart on the same port");
        }
    }

    private Containers() {
    }
}

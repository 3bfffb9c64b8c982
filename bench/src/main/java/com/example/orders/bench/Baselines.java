package com.example.orders.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import com.example.orders.localinfra.PostgresServer;
import com.example.orders.suite.LocalSuite;

/**
 * What this machine's broker and database do on their own, measured in the same run as the suite so that every figure
 * is read against them: Kafka's own {@code ProducerPerformance} (acks=all, idempotent, as the outbox relay produces) on
 * the suite's broker, and Debian's {@code pgbench} (TPC-B-like, durable commits as the server is configured) on the
 * suite's PostgreSQL server.
 */
final class Baselines {

    record Kafka(long records, int recordSize, double recordsPerSecond, double megabytesPerSecond,
            double averageLatencyMs, double p99LatencyMs, String command) {
    }

    record Postgres(double transactionsPerSecond, int clients, int scale, int seconds, String durability,
            String command) {
    }

    private static final String TOPIC = "bench.baseline.producer-performance";
    private static final Pattern PRODUCER_SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec "
            + "\\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, [\\d.]+ ms max latency, [\\d.]+ ms 50th, "
            + "[\\d.]+ ms 95th, ([\\d.]+) ms 99th");
    private static final Pattern PGBENCH_TPS = Pattern.compile("tps = ([\\d.]+) \\(without initial connection time\\)");

    private Baselines() {
    }

    static Kafka kafka(LocalSuite suite, long records, int recordSize) {
        String bootstrap = suite.kafkaBootstrapServers();
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(config)) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(TOPIC)) {
                // as the saga's topics are made locally: 3 partitions, one replica
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            List<String> command = List.of("java", "-Xmx512m", "-cp", suite.kafkaToolsClasspath(),
                    "org.apache.kafka.tools.ProducerPerformance", "--topic", TOPIC, "--num-records",
                    Long.toString(records), "--record-size", Integer.toString(recordSize), "--throughput", "-1",
                    "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all", "enable.idempotence=true");
            String output = run(command, Map.of());
            Matcher summary = PRODUCER_SUMMARY.matcher(output);
            String last = null;
            while (summary.find()) {
                last = summary.group();
            }
            if (last == null) {
                throw new IllegalStateException("ProducerPerformance printed no summary:\n" + output);
            }
            Matcher figures = PRODUCER_SUMMARY.matcher(last);
            figures.find();
            admin.deleteTopics(List.of(TOPIC)).all().get(30, TimeUnit.SECONDS);
            return new Kafka(Long.parseLong(figures.group(1)), recordSize, Double.parseDouble(figures.group(2)),
                    Double.parseDouble(figures.group(3)), Double.parseDouble(figures.group(4)),
                    Double.parseDouble(figures.group(5)), "kafka ProducerPerformance " + String.join(" ",
                            command.subList(command.indexOf("--topic"), command.size())).replace(bootstrap,
                                    "<suite broker>"));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the Kafka baseline failed: " + e.getMessage(), e);
        }
    }

    /** @return empty, with the reason in {@code why}, when there is no pgbench or no embedded server to run it on */
    static Optional<Postgres> postgres(LocalSuite suite, int clients, int seconds, List<String> why) {
        Optional<LocalSuite.DatabaseServer> server = suite.embeddedDatabaseServer();
        if (server.isEmpty()) {
            why.add("no embedded PostgreSQL runs (every service has an external database)");
            return Optional.empty();
        }
        if (!onPath("pgbench")) {
            why.add("pgbench is not installed (Debian: apt-get install postgresql-client)");
            return Optional.empty();
        }
        LocalSuite.DatabaseServer db = server.get();
        String database = "bench_baseline";
        int scale = Math.max(1, clients);
        try (Connection admin = PostgresServer.connectAsAdmin(db.port(), db.password());
                Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + database);
            statement.execute("create database " + database);
            String durability = setting(statement, "fsync") + ", " + setting(statement, "synchronous_commit") + ", "
                    + setting(statement, "full_page_writes");
            Map<String, String> env = Map.of("PGPASSWORD", db.password());
            List<String> connection = List.of("-h", db.host(), "-p", Integer.toString(db.port()), "-U", db.user());
            List<String> init = new ArrayList<>(List.of("pgbench", "-i", "-q", "-s", Integer.toString(scale)));
            init.addAll(connection);
            init.add(database);
            run(init, env);
            List<String> bench = new ArrayList<>(List.of("pgbench", "-c", Integer.toString(clients), "-j",
                    Integer.toString(Math.min(clients, Runtime.getRuntime().availableProcessors())), "-T",
                    Integer.toString(seconds), "-M", "prepared"));
            bench.addAll(connection);
            bench.add(database);
            String output = run(bench, env);
            Matcher tps = PGBENCH_TPS.matcher(output);
            if (!tps.find()) {
                throw new IllegalStateException("pgbench printed no tps:\n" + output);
            }
            statement.execute("drop database if exists " + database);
            return Optional.of(new Postgres(Double.parseDouble(tps.group(1)), clients, scale, seconds, durability,
                    "pgbench -i -s " + scale + "; pgbench -c " + clients + " -j " + bench.get(4) + " -T " + seconds
                            + " -M prepared (TPC-B-like)"));
        } catch (SQLException e) {
            throw new IllegalStateException("the PostgreSQL baseline failed: " + e.getMessage(), e);
        }
    }

    private static String setting(Statement statement, String name) throws SQLException {
        try (ResultSet result = statement.executeQuery("show " + name)) {
            result.next();
            return name + "=" + result.getString(1);
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static String run(List<String> command, Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

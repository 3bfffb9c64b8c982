package com.example.orders.localinfra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller, one node), run as a child process from the
 * jars that {@code tooling/kafka-broker} resolved from Maven Central. Its data directory survives a stop, so
 * {@link #start()} after {@link #stop()} brings back the same broker on the same ports with its topics and offsets.
 */
public final class KafkaBroker implements AutoCloseable {

    /** Fixed so that formatting an existing data directory is a no-op. */
    private static final String CLUSTER_ID = "b3JkZXItcGxhdGZvcm0w";
    private static final String READY_LINE = "Kafka Server started";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    /**
     * @param stopWithParent
     *            when true the broker exits as soon as the JVM that started it exits (tests); when false it runs on in
     *            its own session (the launcher, which stops it by PID)
     */
    public record Settings(Path dataDirectory, int port, int controllerPort, Path logFile, boolean stopWithParent) {

        public static Settings forTests(Path dataDirectory) {
            return new Settings(dataDirectory, FreePort.find(), FreePort.find(), dataDirectory.resolve("broker.log"),
                    true);
        }
    }

    private final Settings settings;
    private Process process;

    private KafkaBroker(Settings settings) {
        this.settings = settings;
    }

    public static KafkaBroker start(Settings settings) {
        KafkaBroker broker = new KafkaBroker(settings);
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + settings.port();
    }

    public Settings settings() {
        return settings;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        return process.pid();
    }

    /** Starts the broker and returns once it accepts clients. Refuses if a broker already runs on the directory. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        Optional<ProcessHandle> running = runningOn(settings.dataDirectory());
        if (running.isPresent()) {
            throw new IllegalStateException("a Kafka broker (pid " + running.get().pid() + ") already runs on "
                    + settings.dataDirectory());
        }
        try {
            Files.createDirectories(settings.dataDirectory());
            Path properties = writeServerProperties();
            Path log4j = writeLog4jConfig();
            if (!Files.exists(logDirectory().resolve("meta.properties"))) {
                format(properties, log4j);
            }
            long logOffset = Files.exists(settings.logFile()) ? Files.size(settings.logFile()) : 0;
            // BrokerMain ties the broker's life to ours through stdin; a detached broker runs kafka.Kafka itself
            String mainClass = settings.stopWithParent() ? BrokerMain.class.getName() : "kafka.Kafka";
            process = launch(java(log4j, mainClass, properties.toString()));
            pidFileOf(settings.dataDirectory()).write(process.pid());
            awaitReady(logOffset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM, as Kafka expects for a clean shutdown; the data directory is kept. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            Files.deleteIfExists(pidFileOf(settings.dataDirectory()).file());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    /** The broker process that owns {@code dataDirectory}, if one is alive. */
    public static Optional<ProcessHandle> runningOn(Path dataDirectory) {
        return pidFileOf(dataDirectory).process();
    }

    /** The PID file of the broker on {@code dataDirectory}; its command line names the directory. */
    public static PidFile pidFileOf(Path dataDirectory) {
        return new PidFile(dataDirectory.resolve("broker.pid"), dataDirectory.toString());
    }

    private Path logDirectory() {
        return settings.dataDirectory().resolve("log");
    }

    private Path writeServerProperties() throws IOException {
        String controller = "127.0.0.1:" + settings.controllerPort();
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + settings.port() + ",CONTROLLER://" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + settings.port(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDirectory(),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=4",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=-1",
                // the log cleaner's offset map (compacted topics: __consumer_offsets only) is allocated on the heap
                // when the broker starts; Kafka's default of 128 MiB is half this broker's heap, 16 MiB plenty
                "log.cleaner.dedupe.buffer.size=16777216",
                "");
        Path file = settings.dataDirectory().resolve("server.properties");
        Files.writeString(file, properties);
        return file;
    }

    private Path writeLog4jConfig() throws IOException {
        String config = String.join("\n",
                "appender.out.type=Console",
                "appender.out.name=out",
                "appender.out.layout.type=PatternLayout",
                "appender.out.layout.pattern=%d{ISO8601} %-5p [%c{1}] %m%n",
                "rootLogger.level=INFO",
                "rootLogger.appenderRef.out.ref=out",
                "logger.state.name=state.change.logger",
                "logger.state.level=WARN",
                "logger.log.name=org.apache.kafka.storage",
                "logger.log.level=WARN",
                "");
        Path file = settings.dataDirectory().resolve("log4j2.properties");
        Files.writeString(file, config);
        return file;
    }

    private void format(Path properties, Path log4j) throws IOException {
        Process formatting = launch(java(log4j, "kafka.tools.StorageTool", "format", "-t", CLUSTER_ID, "-c",
                properties.toString(), "--ignore-formatted"));
        try {
            formatting.getOutputStream().close();
            if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
                formatting.destroyForcibly();
                throw new IllegalStateException("formatting the Kafka data directory failed; see " + settings.logFile()
                        + "\n" + tail(0));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting the Kafka data directory", e);
        }
    }

    private List<String> java(Path log4j, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (!settings.stopWithParent()) {
            // its own session: a Ctrl-C in the terminal that ran the launcher does not reach the broker
            command.add("setsid");
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // one broker for one machine's suite or a test JVM: 192 MB of heap holds its work with room to spare once
        // the log cleaner's map is small (writeServerProperties); 768 MB made it 130 MB more of the suite's memory
        command.addAll(List.of("-Xms32m", "-Xmx192m", "-XX:+UseG1GC", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4j, "-Dorder-platform.kafka.dir=" + settings.dataDirectory(),
                "-cp", classpath()));
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    private Process launch(List<String> command) throws IOException {
        Files.createDirectories(settings.logFile().toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.logFile().toFile()));
        if (!settings.stopWithParent()) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        return builder.start();
    }

    private static String classpath() {
        return RepositoryLayout.brokerClasspath() + File.pathSeparator + locationOf(BrokerMain.class);
    }

    /** The jar or classes directory a class was loaded from: BrokerMain has to be on the broker's classpath too. */
    private static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady(long logOffset) throws IOException {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited with " + process.exitValue()
                        + " while starting; last lines of " + settings.logFile() + ":\n" + tail(logOffset));
            }
            if (logSince(logOffset).contains(READY_LINE) && FreePort.isListening(settings.port())) {
                return;
            }
            sleep(Duration.ofMillis(100));
        }
        stop();
        throw new IllegalStateException("the Kafka broker was not ready within " + STARTUP_TIMEOUT.toSeconds()
                + " s; last lines of " + settings.logFile() + ":\n" + tail(logOffset));
    }

    private String logSince(long offset) throws IOException {
        if (!Files.exists(settings.logFile())) {
            return "";
        }
        byte[] all = Files.readAllBytes(settings.logFile());
        return offset >= all.length
                ? ""
                : new String(all, (int) offset, all.length - (int) offset,
                        StandardCharsets.UTF_8);
    }

    private String tail(long offset) throws IOException {
        List<String> lines = logSince(offset).lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }
}

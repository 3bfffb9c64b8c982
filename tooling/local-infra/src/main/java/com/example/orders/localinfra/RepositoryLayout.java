package com.example.orders.localinfra;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds files of this repository from a test JVM or the launcher, whatever their working directory. */
public final class RepositoryLayout {

    private static final String MARKER = "tooling/kafka-broker/pom.xml";

    /** The repository root: {@code -Dsuite.root} (set by the build), else the nearest parent holding the marker. */
    public static Path root() {
        String configured = System.getProperty("suite.root", System.getenv("SUITE_ROOT"));
        if (configured != null && Files.exists(Path.of(configured, MARKER))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(MARKER))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (no " + MARKER + " above "
                + Path.of("").toAbsolutePath() + "); set -Dsuite.root");
    }

    public static Path brokerClasspathFile() {
        return root().resolve("tooling/kafka-broker/target/broker.classpath");
    }

    /** The classpath of the Kafka broker and Kafka's own tools ({@code kafka-tools}), as the build resolved it. */
    public static String brokerClasspath() {
        Path file = brokerClasspathFile();
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new IllegalStateException("the Kafka broker's classpath is not built (" + file
                    + "); run: ./mvnw -q -f tooling/kafka-broker/pom.xml generate-resources", e);
        }
    }

    /** The classpath of the sandbox (payment-provider simulator, SMTP sink), to run them as processes. */
    public static String sandboxClasspath() {
        Path file = root().resolve("tooling/sandbox/target/sandbox.classpath");
        try {
            return Files.readString(file).strip() + File.pathSeparator
                    + root().resolve("tooling/sandbox/target/classes");
        } catch (IOException e) {
            throw new IllegalStateException("the sandbox is not built (" + file + " is missing); run ./mvnw -DskipTests"
                    + " package", e);
        }
    }

    /** Zipkin's server, the trace viewer {@code ./suite up} starts (copied there by the tooling/trace-viewer build). */
    public static Path traceViewerJar() {
        Path jar = root().resolve("tooling/trace-viewer/target/zipkin-server.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the trace viewer is not built (" + jar + " is missing); run ./mvnw "
                    + "-DskipTests package");
        }
        return jar;
    }

    private RepositoryLayout() {
    }
}

package com.example.orders.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.example.orders.localinfra.FreePort;
import com.example.orders.localinfra.RepositoryLayout;
import com.example.orders.localinfra.SuiteService;

/**
 * The launcher, end to end: the real broker, PostgreSQL and the five packaged services as processes, on free ports and
 * in a scratch SUITE_HOME so a developer's own suite is not touched. One suite start for the whole class.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path suiteHome;
    static Map<String, String> env;
    static Map<String, Long> pidsAfterFirstUp;

    @BeforeAll
    static void choosePorts() {
        env = new HashMap<>();
        env.put("SUITE_HOME", suiteHome.toString());
        env.put("KAFKA_PORT", Integer.toString(FreePort.find()));
        env.put("KAFKA_CONTROLLER_PORT", Integer.toString(FreePort.find()));
        env.put("POSTGRES_PORT", Integer.toString(FreePort.find()));
        env.put("PAYMENT_PROVIDER_PORT", Integer.toString(FreePort.find()));
        env.put("SMTP_PORT", Integer.toString(FreePort.find()));
        env.put("SMTP_SINK_API_PORT", Integer.toString(FreePort.find()));
        env.put("GATEWAY_PORT", Integer.toString(FreePort.find()));
        env.put("TRACE_VIEWER_PORT", Integer.toString(FreePort.find()));
        for (SuiteService service : SuiteService.values()) {
            env.put(service.environmentPrefix() + "_HTTP_PORT", Integer.toString(FreePort.find()));
        }
    }

    @AfterAll
    static void leaveNothingRunning() {
        suite("down");
    }

    @Test
    @Order(1)
    void upStartsTheBrokerTheDatabaseTheOutsideWorldFiveReadyServicesAndTheGateway() throws Exception {
        Result up = suite("up");

        assertThat(up.exitCode()).as(up.output()).isZero();
        for (SuiteService service : SuiteService.values()) {
            assertThat(readiness(service)).as(service.serviceName()).isEqualTo(200);
            assertThat(up.output()).containsPattern(service.serviceName() + " +\\d+ +http://127.0.0.1:"
                    + port(service) + " +UP");
            assertThat(suiteHome.resolve("logs/" + service.serviceName() + ".log")).exists();
        }
        assertThat(up.output()).containsPattern("kafka +\\d+ +127.0.0.1:" + env.get("KAFKA_PORT") + " +UP");
        assertThat(up.output()).containsPattern("postgres +\\d+ +127.0.0.1:" + env.get("POSTGRES_PORT") + " +UP");
        assertThat(up.output()).containsPattern("payment-provider +\\d+ +http://127.0.0.1:"
                + env.get("PAYMENT_PROVIDER_PORT") + " +UP");
        assertThat(up.output()).containsPattern("smtp-sink +\\d+ +smtp://127.0.0.1:" + env.get("SMTP_PORT") + " +UP");
        assertThat(up.output()).containsPattern("gateway +\\d+ +http://127.0.0.1:" + env.get("GATEWAY_PORT") + " +UP");
        assertThat(up.output()).containsPattern("trace-viewer +\\d+ +http://127.0.0.1:" + env.get("TRACE_VIEWER_PORT")
                + " +UP");
        pidsAfterFirstUp = pids();
        assertThat(pidsAfterFirstUp).hasSize(13);
    }

    @Test
    @Order(2)
    void aSecondUpSaysSoAndChangesNothing() {
        Result again = suite("up");

        assertThat(again.exitCode()).isZero();
        assertThat(again.output().lines().filter(line -> line.contains(": already running"))).hasSize(13);
        assertThat(pids()).isEqualTo(pidsAfterFirstUp);
    }

    @Test
    @Order(2)
    void eachServiceLoginReachesOnlyItsOwnDatabaseAndEveryLoginNeedsItsPassword() throws IOException {
        Properties passwords = secrets();
        String orders = "jdbc:postgresql://127.0.0.1:" + env.get("POSTGRES_PORT") + "/order_service";

        assertThatThrownBy(() -> DriverManager.getConnection(orders, "inventory_service",
                passwords.getProperty("INVENTORY_DB_PASSWORD")).close())
                .hasMessageContaining("permission denied for database \"order_service\"");
        assertThatThrownBy(() -> DriverManager.getConnection(orders, "order_service", "guess").close())
                .hasMessageContaining("password authentication failed");
        assertThatThrownBy(() -> DriverManager.getConnection(orders, "postgres", "").close())
                .isInstanceOf(SQLException.class);
        assertThat(Files.getPosixFilePermissions(suiteHome.resolve("secrets/database-passwords.properties")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    @Order(3)
    void statusShowsEverythingUp() {
        Result status = suite("status");

        assertThat(status.exitCode()).isZero();
        assertThat(status.output().lines().filter(line -> line.matches(".* UP +.*"))).hasSize(13);
    }

    @Test
    @Order(3)
    void theTraceViewerShowsTheSpansOfTheServices() throws Exception {
        String admin = suite("token", "--sub", "ops", "--role", "admin").output().strip();
        HttpResponse<String> stocked = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + port(SuiteService.INVENTORY) + "/api/inventory/SKU-TRACED"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers
                        .ofString("{\"available\":1,\"unitPrice\":\"1.00\",\"currency\":\"EUR\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stocked.statusCode()).as(stocked.body()).isEqualTo(200);

        // the request's span reaches Zipkin, where a trace of inventory-service's PUT can be looked up
        URI traces = URI.create("http://127.0.0.1:" + env.get("TRACE_VIEWER_PORT")
                + "/api/v2/traces?serviceName=inventory-service");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(HTTP.send(HttpRequest.newBuilder(
                traces).build(), HttpResponse.BodyHandlers.ofString()).body()).contains("SKU-TRACED"));
    }

    @Test
    @Order(4)
    void servicesGoUnreadyWhileTheBrokerIsDownAndRecoverWithoutARestart() throws Exception {
        ProcessHandle broker = ProcessHandle.of(pidsAfterFirstUp.get("kafka")).orElseThrow();
        broker.destroy();
        broker.onExit().get(30, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (SuiteService service : SuiteService.values()) {
                assertThat(readiness(service)).as(service.serviceName()).isEqualTo(503);
            }
        });
        assertThat(suite("status").exitCode()).isEqualTo(1);

        Result up = suite("up");

        assertThat(up.output()).contains("kafka: started");
        assertThat(up.exitCode()).as(up.output()).isZero();
        for (SuiteService service : SuiteService.values()) {
            assertThat(readiness(service)).as("%s once up returned 0", service.serviceName()).isEqualTo(200);
        }
        Map<String, Long> pids = pids();
        for (SuiteService service : SuiteService.values()) {
            assertThat(pids.get(service.serviceName())).isEqualTo(pidsAfterFirstUp.get(service.serviceName()));
        }
    }

    @Test
    @Order(5)
    void upExitsOneNamingWhatIsNotReadyAndWhereItsLogIs() throws Exception {
        long analytics = pidsAfterFirstUp.get("analytics-service");
        // a hung service: running, but answering nothing
        new ProcessBuilder("kill", "-STOP", Long.toString(analytics)).start().waitFor();
        try {
            Map<String, String> impatient = new HashMap<>(env);
            impatient.put("SUITE_READY_TIMEOUT_SECONDS", "3");

            Result up = suite(impatient, "up");

            assertThat(up.exitCode()).as(up.output()).isEqualTo(1);
            assertThat(up.output()).containsPattern("FAILED analytics-service: not ready within 3 s \\(see .*"
                    + "analytics-service\\.log\\)");
            assertThat(up.output().lines().filter(line -> line.startsWith("FAILED"))).hasSize(1);
        } finally {
            new ProcessBuilder("kill", "-CONT", Long.toString(analytics)).start().waitFor();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> readiness(SuiteService.ANALYTICS) == 200);
        assertThat(suite("up").exitCode()).isZero();
    }

    @Test
    @Order(5)
    void aServiceWhosePortIsTakenSaysSoInOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<String, String> serviceEnv = orderServiceEnvironment();
            serviceEnv.put("ORDER_HTTP_PORT", Integer.toString(taken.getLocalPort()));

            List<String> output = runOrderServiceJar(serviceEnv);

            assertThat(output).filteredOn(line -> line.contains("cannot start"))
                    .singleElement()
                    .asString()
                    .startsWith("order-service cannot start: its HTTP port " + taken.getLocalPort()
                            + " is already in use")
                    .contains("ORDER_HTTP_PORT");
            assertThat(output).noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by"));
        }
    }

    @Test
    @Order(6)
    void aServiceWithoutAReachableDatabaseSaysSoInOneLine() throws Exception {
        Map<String, String> serviceEnv = orderServiceEnvironment();
        int closedPort = FreePort.find();
        serviceEnv.put("ORDER_DB_URL", "postgresql://127.0.0.1:" + closedPort + "/order_service");

        List<String> output = runOrderServiceJar(serviceEnv);

        assertThat(output).filteredOn(line -> line.contains("cannot start"))
                .singleElement()
                .asString()
                .startsWith("order-service cannot start: its database postgresql://127.0.0.1:" + closedPort
                        + "/order_service is not reachable")
                .contains("ORDER_DB_URL");
        assertThat(output).noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by"));
    }

    @Test
    @Order(7)
    void aServiceWithABadTypedSettingSaysSoInOneLine() throws Exception {
        Map<String, String> serviceEnv = orderServiceEnvironment();
        serviceEnv.put("ORDERS_SAGA_DEADLINE", "banana");

        List<String> output = runOrderServiceJar(serviceEnv);

        assertThat(output).filteredOn(line -> line.contains("cannot start"))
                .singleElement()
                .asString()
                .startsWith("order-service cannot start: bad configuration: ")
                .contains("orders.saga-deadline")
                .contains("banana");
        assertThat(output).noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by"));
    }

    @Test
    @Order(8)
    void upRefusesATakenBrokerPortInOneLineAndStartsNothing() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<String, String> other = new HashMap<>(env);
            other.put("SUITE_HOME", suiteHome.resolve("other").toString());
            other.put("KAFKA_PORT", Integer.toString(taken.getLocalPort()));

            Result up = suite(other, "up");

            assertThat(up.exitCode()).isEqualTo(1);
            assertThat(up.errors().strip()).isEqualTo("kafka: port " + taken.getLocalPort()
                    + " is already in use by another process (set KAFKA_PORT to use another)");
        }
    }

    @Test
    @Order(9)
    void downStopsEverythingAndLeavesNoProcessBehind() {
        Map<String, Long> running = pids();
        assertThat(running).hasSize(13);

        Result down = suite("down");

        assertThat(down.exitCode()).isZero();
        assertThat(down.output().lines().filter(line -> line.contains(": stopped"))).hasSize(13);
        running.forEach((component, pid) -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                .as(component + " (pid " + pid + ")")
                .isEmpty());
        List<String> portVariables = new ArrayList<>(List.of("KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "POSTGRES_PORT",
                "PAYMENT_PROVIDER_PORT", "SMTP_PORT", "SMTP_SINK_API_PORT", "GATEWAY_PORT", "TRACE_VIEWER_PORT"));
        for (SuiteService service : SuiteService.values()) {
            portVariables.add(service.environmentPrefix() + "_HTTP_PORT");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String portVariable : portVariables) {
                assertThat(FreePort.isListening(Integer.parseInt(env.get(portVariable)))).as(portVariable).isFalse();
            }
        });
        assertThat(suite("status").exitCode()).isEqualTo(1);
    }

    @Test
    @Order(10)
    void theNextUpMapsTheClassArchiveEachServiceWroteWhenItStopped() throws Exception {
        for (SuiteService service : SuiteService.values()) {
            assertThat(suiteHome.resolve("class-archives/" + service.serviceName() + ".jsa"))
                    .as("written by the first run as it stopped").isNotEmptyFile();
        }

        Result up = suite("up");

        assertThat(up.exitCode()).as(up.output()).isZero();
        Map<String, Long> running = pids();
        for (SuiteService service : SuiteService.values()) {
            Path archive = suiteHome.resolve("class-archives/" + service.serviceName() + ".jsa");
            assertThat(Files.readString(Path.of("/proc", running.get(service.serviceName()).toString(), "maps")))
                    .as(service.serviceName() + " maps its archive").contains(archive.toString());
        }
        assertThat(new LocalSuite(RepositoryLayout.root(), env).serviceJavaOptions())
                .as("what a benchmark reports: the running service's options")
                .startsWith(ServiceComponent.DEFAULT_JAVA_OPTS).contains("-XX:SharedArchiveFile");
    }

    private record Result(int exitCode, String output, String errors) {
    }

    private static Result suite(String... args) {
        return suite(env, args);
    }

    private static Result suite(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SuiteCommand.run(RepositoryLayout.root(), environment,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** PIDs by component, read from the status table. */
    private static Map<String, Long> pids() {
        Map<String, Long> pids = new HashMap<>();
        suite("status").output().lines().skip(1).forEach(line -> {
            String[] columns = line.trim().split("\\s+");
            if (columns.length > 1 && columns[1].matches("\\d+")) {
                pids.put(columns[0], Long.parseLong(columns[1]));
            }
        });
        return pids;
    }

    private static int port(SuiteService service) {
        return Integer.parseInt(env.get(service.environmentPrefix() + "_HTTP_PORT"));
    }

    private static int readiness(SuiteService service) throws IOException, InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(service)
                    + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private static Properties secrets() throws IOException {
        Properties passwords = new Properties();
        try (Reader in = Files.newBufferedReader(suiteHome.resolve("secrets/database-passwords.properties"))) {
            passwords.load(in);
        }
        return passwords;
    }

    private static Map<String, String> orderServiceEnvironment() throws IOException {
        Properties passwords = secrets();
        Map<String, String> serviceEnv = new HashMap<>();
        serviceEnv.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + env.get("KAFKA_PORT"));
        serviceEnv.put("JWT_PUBLIC_KEY_LOCATION", suiteHome.resolve("secrets/jwt-public.pem").toString());
        serviceEnv.put("ORDER_DB_URL", "postgresql://127.0.0.1:" + env.get("POSTGRES_PORT") + "/order_service");
        serviceEnv.put("ORDER_DB_USER", "order_service");
        serviceEnv.put("ORDER_DB_PASSWORD", passwords.getProperty("ORDER_DB_PASSWORD"));
        serviceEnv.put("ORDER_HTTP_PORT", Integer.toString(FreePort.find()));
        return serviceEnv;
    }

    /** Runs the packaged order-service, expecting it to fail fast; returns everything it printed. */
    private static List<String> runOrderServiceJar(Map<String, String> serviceEnv) throws Exception {
        Path jar = RepositoryLayout.root().resolve("order-service/target/quarkus-app/quarkus-run.jar");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()).redirectErrorStream(true);
        builder.environment().putAll(serviceEnv);
        Path output = Files.createTempFile(suiteHome, "order-service-", ".log");
        Process process = builder.redirectOutput(output.toFile()).start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor();
        }
        List<String> lines = Files.readAllLines(output);
        assertThat(exited).as("exits within 60 s:\n" + String.join("\n", lines)).isTrue();
        assertThat(process.exitValue()).as(String.join("\n", lines)).isEqualTo(1);
        return lines;
    }
}

package com.example.orders.localinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose and Kubernetes run the same topology as {@code ./suite up}: these tests hold them to the code, so a
 * new topic, service or setting cannot be forgotten in one of them. The rendering checks need {@code kubectl} (its
 * built-in kustomize) and {@code docker-compose}; {@code .ci/run} installs both and sets
 * {@code REQUIRE_DEPLOY_TOOLS=1}, so CI never skips them.
 */
class DeploymentDescriptorsTest {

    private static final Path ROOT = RepositoryLayout.root();
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)}");

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void eachKubernetesOverlayRendersTheSuiteAsTheCodeDefinesIt(String overlay) throws Exception {
        List<Map<String, Object>> resources = yamlDocuments(run(List.of("kubectl", "kustomize",
                ROOT.resolve("deploy/k8s/overlays/" + overlay).toString()), Map.of()));

        assertThat(resources).as("no Secret is ever rendered from the repository")
                .noneMatch(resource -> "Secret".equals(resource.get("kind")));
        List<Map<String, Object>> topics = ofKind(resources, "KafkaTopic");
        assertThat(topics).extracting(topic -> name(topic))
                .containsExactlyInAnyOrderElementsOf(TopicProvisioner.suiteTopics());
        assertThat(topics).allSatisfy(topic -> assertThat(at(topic, "spec", "partitions"))
                .isEqualTo(TopicProvisioner.PARTITIONS));

        Map<String, Map<String, Object>> deployments = new HashMap<>();
        ofKind(resources, "Deployment").forEach(deployment -> deployments.put(name(deployment), deployment));
        for (SuiteService service : SuiteService.values()) {
            Map<String, Object> deployment = deployments.get(service.serviceName());
            assertThat(deployment).as(service.serviceName()).isNotNull();
            Map<String, Map<String, Object>> env = containerEnv(deployment);
            String prefix = service.environmentPrefix();
            assertThat(env.get(prefix + "_HTTP_PORT")).containsEntry("value",
                    Integer.toString(service.defaultPort()));
            for (String key : List.of("url", "user", "password")) {
                String variable = prefix + "_DB_" + (key.equals("url") ? "URL" : key.toUpperCase());
                assertThat(at(env.get(variable), "valueFrom", "secretKeyRef", "name")).as(variable)
                        .isEqualTo(service.serviceName() + "-db");
            }
            assertThat(env).containsKeys("KAFKA_BOOTSTRAP_SERVERS", "JWT_PUBLIC_KEY_LOCATION");
        }
        assertThat(containerEnv(deployments.get("gateway")).keySet())
                .containsAll(gatewayTemplateVariables());
        List<Map<String, Object>> postgres = ofKind(resources, "StatefulSet").stream()
                .filter(set -> name(set).equals("postgres"))
                .toList();
        // production brings its own databases; the local overlay runs one
        assertThat(postgres).hasSize(overlay.equals("local") ? 1 : 0);
        assertThat(ofKind(resources, "ServiceMonitor")).as("every service is scraped").hasSize(1);
        assertThat(ofKind(resources, "PrometheusRule")).as("the alert rules").hasSize(1);
        postgres.forEach(server -> assertThat(String.valueOf(at(server, "spec", "template", "spec", "containers")))
                .as("the cluster's PostgreSQL acknowledges only commits on disk")
                .contains(DURABLE_COMMITS));
    }

    /** What every PostgreSQL the suite starts runs with (PostgresServerIT proves the embedded one). */
    private static final List<String> DURABLE_COMMITS = List.of("fsync=on", "synchronous_commit=on",
            "full_page_writes=on");

    @Test
    void composeRunsTheSameTopologyWithSecretsOnlyFromTheEnvironment() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

        for (SuiteService service : SuiteService.values()) {
            Map<String, Object> env = environment(services.get(service.serviceName()));
            String prefix = service.environmentPrefix();
            assertThat(env).as(service.serviceName())
                    .containsEntry(prefix + "_HTTP_PORT", service.defaultPort())
                    .containsEntry(prefix + "_DB_USER", ServiceDatabase.databaseNameOf(service.serviceName()))
                    .containsEntry(prefix + "_DB_PASSWORD", "${" + prefix + "_DB_PASSWORD:?}")
                    .containsKeys(prefix + "_DB_URL", "KAFKA_BOOTSTRAP_SERVERS", "JWT_PUBLIC_KEY_LOCATION");
        }
        assertThat(String.valueOf(services.get("postgres").get("command"))).as("compose's PostgreSQL is durable")
                .contains(DURABLE_COMMITS);
        assertThat(environment(services.get("postgres")).values()).as("every password comes from the environment")
                .allSatisfy(value -> assertThat(value.toString()).startsWith("${"));
        assertThat(environment(services.get("gateway")).keySet()).containsAll(gatewayTemplateVariables());
        assertThat(services.get("gateway").get("volumes").toString())
                .contains("./deploy/gateway/templates:/etc/nginx/templates");

        String topicsScript = at(services.get("topics"), "command").toString();
        Set<String> created = new TreeSet<>(List.of(topicsScript.split("[\\s\\\\;]+")));
        assertThat(created).containsAll(TopicProvisioner.suiteTopics());
        assertThat(topicsScript).contains("--partitions " + TopicProvisioner.PARTITIONS);
    }

    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        Path env = Files.createTempFile("compose", ".env");
        try {
            StringBuilder passwords = new StringBuilder("POSTGRES_ADMIN_PASSWORD=x\n");
            for (SuiteService service : SuiteService.values()) {
                passwords.append(service.environmentPrefix()).append("_DB_PASSWORD=x\n");
            }
            Files.writeString(env, passwords);
            run(List.of("docker-compose", "--env-file", env.toString(), "-f",
                    ROOT.resolve("docker-compose.yml").toString(), "config", "-q"), Map.of());
        } finally {
            Files.delete(env);
        }
    }

    @Test
    void noPrivateKeyOrPasswordIsCommittedUnderDeploy() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT.resolve("deploy"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                assertThat(text).as(file.toString()).doesNotContain("PRIVATE KEY-----");
                assertThat(text).as(file.toString())
                        .as("a password is set from the environment (${...}) or a Secret, never written down")
                        .doesNotContainPattern("(?im)^\\s*[A-Z_]*PASSWORD\\s*[:=]\\s*(?!\\$\\{)\\S");
            }
        }
    }

    private static final Path OBSERVABILITY = ROOT.resolve("deploy/observability");
    private static final Path RULES = OBSERVABILITY.resolve("prometheus/order-platform.rules.yml");
    private static final Path RULE_TESTS = OBSERVABILITY.resolve("prometheus/tests/order-platform.rules.test.yml");

    @Test
    void theAlertRulesPassPromtoolsCheckAndTheirUnitTests() throws Exception {
        assertThat(run(List.of("promtool", "check", "rules", RULES.toString()), Map.of())).contains("SUCCESS");
        assertThat(run(List.of("promtool", "test", "rules", RULE_TESTS.toString()), Map.of())).contains("SUCCESS");
        for (String config : List.of("prometheus.yml", "local.yml")) {
            run(List.of("promtool", "check", "config", OBSERVABILITY.resolve("prometheus/" + config).toString()),
                    Map.of());
        }
    }

    @Test
    void everyAlertLinksToItsRunbookEntryAndIsTestedFiringAndNotFiring() throws IOException {
        String runbook = Files.readString(ROOT.resolve("RUNBOOK.md"));
        List<Map<String, Object>> alerts = alertRules();
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(6);

        Map<String, List<Boolean>> tested = new HashMap<>();
        for (Object test : (List<?>) new Yaml().<Map<String, Object>>load(Files.readString(RULE_TESTS)).get("tests")) {
            for (Object check : (List<?>) ((Map<?, ?>) test).get("alert_rule_test")) {
                Map<?, ?> alertTest = (Map<?, ?>) check;
                tested.computeIfAbsent((String) alertTest.get("alertname"), name -> new ArrayList<>())
                        .add(!((List<?>) alertTest.get("exp_alerts")).isEmpty());
            }
        }
        for (Map<String, Object> alert : alerts) {
            String name = (String) alert.get("alert");
            String runbookUrl = (String) at(alert, "annotations", "runbook_url");
            assertThat(runbookUrl).as("the runbook entry of %s", name).startsWith("RUNBOOK.md#");
            assertThat(runbook).as("RUNBOOK.md has the entry %s links to", name)
                    .contains("<a id=\"" + runbookUrl.substring("RUNBOOK.md#".length()) + "\"></a>");
            assertThat(at(alert, "labels", "severity")).as("%s pages or tickets", name).isIn("page", "ticket");
            assertThat(tested.get(name)).as("the tests of %s: one firing, one not", name).contains(true, false);
        }
    }

    @Test
    void prometheusScrapesEveryServiceWhereverTheSuiteRuns() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        for (String config : List.of("prometheus.yml", "local.yml")) {
            Map<String, Object> prometheus = new Yaml().load(Files.readString(OBSERVABILITY.resolve(
                    "prometheus/" + config)));
            Map<String, String> targets = new HashMap<>();
            for (Object job : (List<?>) prometheus.get("scrape_configs")) {
                Map<String, Object> scrape = asMap(job);
                assertThat(scrape.get("metrics_path")).isEqualTo("/q/metrics");
                targets.put((String) scrape.get("job_name"), String.valueOf(scrape.get("static_configs")));
            }
            for (SuiteService service : SuiteService.values()) {
                String host = config.equals("local.yml") ? "127.0.0.1" : service.serviceName();
                assertThat(targets.get(service.serviceName())).as(config)
                        .contains(host + ":" + service.defaultPort());
            }
            assertThat(prometheus.get("rule_files")).isEqualTo(List.of("order-platform.rules.yml"));
        }
        Map<String, Object> services = asMap(compose.get("services"));
        assertThat(services).containsKeys("otel-collector", "jaeger", "prometheus", "grafana");
        for (SuiteService service : SuiteService.values()) {
            assertThat(environment(asMap(services.get(service.serviceName()))))
                    .containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector:4318");
        }
        // JSON is YAML: the dashboard parses, with its panels
        Map<String, Object> dashboard = new Yaml().load(Files.readString(OBSERVABILITY.resolve(
                "grafana/dashboards/saga.json")));
        assertThat((List<?>) dashboard.get("panels")).as("the saga dashboard").hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void kubernetesAlertsOnTheSameRulesAsPrometheus() throws IOException {
        Map<String, Object> resource = new Yaml().load(Files.readString(ROOT.resolve(
                "deploy/k8s/components/observability/prometheus-rule.yaml")));
        Map<String, Object> rules = new Yaml().load(Files.readString(RULES));

        assertThat(resource.get("kind")).isEqualTo("PrometheusRule");
        assertThat(at(resource, "spec", "groups"))
                .as("prometheus-rule.yaml is generate-prometheus-rule.py's copy of order-platform.rules.yml")
                .isEqualTo(rules.get("groups"));
    }

    private static List<Map<String, Object>> alertRules() throws IOException {
        Map<String, Object> rules = new Yaml().load(Files.readString(RULES));
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Object group : (List<?>) rules.get("groups")) {
            for (Object rule : (List<?>) asMap(group).get("rules")) {
                if (asMap(rule).containsKey("alert")) {
                    alerts.add(asMap(rule));
                }
            }
        }
        return alerts;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object node) {
        return (Map<String, Object>) node;
    }

    private static Set<String> gatewayTemplateVariables() throws IOException {
        Matcher variables = TEMPLATE_VARIABLE.matcher(Files.readString(
                ROOT.resolve("deploy/gateway/templates/gateway.conf.template")));
        Set<String> names = new TreeSet<>();
        while (variables.find()) {
            names.add(variables.group(1));
        }
        assertThat(names).contains("GATEWAY_LISTEN", "ORDER_SERVICE_ADDRESS");
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> composeService) {
        return (Map<String, Object>) composeService.get("environment");
    }

    /** The first container's environment, by variable name. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> containerEnv(Map<String, Object> deployment) {
        List<Map<String, Object>> containers = (List<Map<String, Object>>) at(deployment, "spec", "template", "spec",
                "containers");
        Map<String, Map<String, Object>> env = new HashMap<>();
        for (Map<String, Object> variable : (List<Map<String, Object>>) containers.get(0).get("env")) {
            env.put((String) variable.get("name"), variable);
        }
        return env;
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> resources, String kind) {
        return resources.stream().filter(resource -> kind.equals(resource.get("kind"))).toList();
    }

    private static String name(Map<String, Object> resource) {
        return (String) at(resource, "metadata", "name");
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> node, String... path) {
        Object current = node;
        for (String key : path) {
            current = current == null ? null : ((Map<String, Object>) current).get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> yamlDocuments(String text) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(text)) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }

    /** Runs a deployment tool; without it, skips (or fails, where REQUIRE_DEPLOY_TOOLS says it must be there). */
    private static String run(List<String> command, Map<String, String> env) throws Exception {
        boolean present = Stream.of(System.getenv("PATH").split(":"))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, command.get(0))));
        if (!"1".equals(System.getenv("REQUIRE_DEPLOY_TOOLS"))) {
            assumeTrue(present, command.get(0)
                    + " is not installed (apt-get install -y kubectl docker-compose prometheus)");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
        return output;
    }
}

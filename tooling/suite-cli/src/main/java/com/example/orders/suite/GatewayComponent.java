package com.example.orders.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.orders.localinfra.FreePort;
import com.example.orders.localinfra.PidFile;
import com.example.orders.localinfra.SuiteService;

/**
 * The gateway: nginx (Debian's package) with the configuration of {@code deploy/gateway/templates}, rendered with the
 * local addresses of the services, the same file docker-compose and Kubernetes render with theirs. Where nginx is
 * missing, it is installed when this runs as root with apt; otherwise {@code up} says how in one line.
 */
final class GatewayComponent implements Component {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)}");
    private static final List<Path> NGINX = List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/bin/nginx"),
            Path.of("/usr/local/sbin/nginx"), Path.of("/usr/local/bin/nginx"));

    private final SuiteHome home;
    private final Settings settings;
    private final PidFile pidFile;

    GatewayComponent(SuiteHome home, Settings settings) {
        this.home = home;
        this.settings = settings;
        this.pidFile = new PidFile(home.pids().resolve("gateway.pid"), "nginx");
    }

    @Override
    public String name() {
        return "gateway";
    }

    @Override
    public String address() {
        return "http://127.0.0.1:" + settings.gatewayPort();
    }

    @Override
    public Optional<ProcessHandle> process() {
        return pidFile.process();
    }

    @Override
    public Health health() {
        if (process().isEmpty()) {
            return Health.STOPPED;
        }
        return HttpProbe.status(URI.create(address() + "/gateway/health")) == 200 ? Health.UP : Health.DOWN;
    }

    @Override
    public void start() {
        if (process().isPresent()) {
            return;
        }
        if (FreePort.isListening(settings.gatewayPort())) {
            throw new SuiteException("gateway: port " + settings.gatewayPort()
                    + " is already in use by another process (set GATEWAY_PORT to use another)");
        }
        Path nginx = nginx();
        Path directory = home.gateway();
        Path config = writeConfiguration(directory);
        Detached.start(home, name(), pidFile, List.of(nginx.toString(), "-c", config.toString(), "-p",
                directory.toString(), "-g", "daemon off;"), Map.of());
    }

    /** The rendered gateway configuration and an nginx.conf that keeps every file nginx writes under .suite/. */
    private Path writeConfiguration(Path directory) {
        try {
            Files.createDirectories(directory.resolve("tmp"));
            Path template = home.repository().resolve("deploy/gateway/templates/gateway.conf.template");
            Path gateway = directory.resolve("gateway.conf");
            Files.writeString(gateway, render(Files.readString(template), variables()));
            Path main = directory.resolve("nginx.conf");
            Path tmp = directory.resolve("tmp");
            Files.writeString(main, """
                    # written by ./suite up; the gateway's own rules are in gateway.conf (deploy/gateway/templates)
                    worker_processes 1;
                    pid %1$s/nginx.pid;
                    error_log stderr warn;
                    events { worker_connections 1024; }
                    http {
                        client_body_temp_path %2$s/body;
                        proxy_temp_path %2$s/proxy;
                        fastcgi_temp_path %2$s/fastcgi;
                        uwsgi_temp_path %2$s/uwsgi;
                        scgi_temp_path %2$s/scgi;
                        include %3$s;
                    }
                    """.formatted(directory, tmp, gateway));
            return main;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("GATEWAY_LISTEN", "127.0.0.1:" + settings.gatewayPort());
        variables.put("GATEWAY_RATE_LIMIT", Integer.toString(settings.gatewayRateLimit()));
        variables.put("GATEWAY_RATE_BURST", Integer.toString(settings.gatewayRateBurst()));
        for (SuiteService service : List.of(SuiteService.ORDER, SuiteService.INVENTORY, SuiteService.ANALYTICS,
                SuiteService.NOTIFICATION, SuiteService.LOYALTY, SuiteService.CONSOLE)) {
            variables.put(service.environmentPrefix() + "_SERVICE_ADDRESS", "127.0.0.1:" + settings.httpPort(service));
        }
        return variables;
    }

    /** envsubst for the named variables only: nginx's own {@code $variables} stay as they are. */
    static String render(String template, Map<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder rendered = new StringBuilder();
        while (matcher.find()) {
            String value = variables.get(matcher.group(1));
            if (value == null) {
                throw new SuiteException("gateway: the template names ${" + matcher.group(1) + "}, which has no value");
            }
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(rendered);
        return rendered.toString();
    }

    /** nginx from Debian's package; installed here when this runs as root with apt. */
    private static Path nginx() {
        Optional<Path> installed = NGINX.stream().filter(Files::isExecutable).findFirst();
        if (installed.isPresent()) {
            return installed.get();
        }
        boolean canInstall = "root".equals(System.getProperty("user.name"))
                && Files.isExecutable(Path.of("/usr/bin/apt-get"));
        if (!canInstall) {
            throw new SuiteException("gateway: nginx is not installed; run: sudo apt-get install -y nginx");
        }
        System.out.println("gateway: installing nginx (apt-get install -y nginx)");
        run(List.of("apt-get", "update", "-qq"));
        run(List.of("apt-get", "install", "-y", "-qq", "nginx"));
        return NGINX.stream().filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new SuiteException("gateway: nginx is still missing after apt-get install nginx"));
    }

    private static void run(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            int exit = builder.start().waitFor();
            if (exit != 0) {
                throw new SuiteException("gateway: " + String.join(" ", command) + " failed (exit " + exit
                        + "); install nginx by hand: sudo apt-get install -y nginx");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SuiteException("interrupted");
        }
    }

    @Override
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (process().isEmpty()) {
                throw new SuiteException("gateway: nginx exited while starting (see " + log() + ")");
            }
            if (health() == Health.UP) {
                return;
            }
            Launcher.pause(Duration.ofMillis(200));
        }
        throw new SuiteException("gateway: not ready within " + timeout.toSeconds() + " s (see " + log() + ")");
    }

    @Override
    public boolean stop() {
        return pidFile.stop(Duration.ofSeconds(10));
    }

    @Override
    public String log() {
        return home.log(name()).toString();
    }
}

package com.example.orders.suite;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.example.orders.localinfra.FreePort;
import com.example.orders.localinfra.PidFile;
import com.example.orders.localinfra.RepositoryLayout;
import com.example.orders.sandbox.PaymentProviderSimulator;
import com.example.orders.sandbox.SmtpSink;
import com.example.orders.sandbox.StandIns;

/**
 * A stand-in for the outside world (the payment-provider simulator, the SMTP sink), run as a process of its own from
 * the sandbox's classpath, so that stopping it is a real outage. When the environment names a real one (a provider URL,
 * an SMTP host), nothing starts.
 */
final class SandboxComponent implements Component {

    private final String name;
    private final Class<?> mainClass;
    private final List<String> arguments;
    private final List<Integer> ports;
    private final String portVariables;
    private final URI healthUri;
    private final String address;
    private final Optional<String> external;
    private final SuiteHome home;
    private final PidFile pidFile;

    private SandboxComponent(String name, Class<?> mainClass, List<String> arguments, List<Integer> ports,
            String portVariables, URI healthUri, String address, Optional<String> external, SuiteHome home) {
        this.name = name;
        this.mainClass = mainClass;
        this.arguments = arguments;
        this.ports = ports;
        this.portVariables = portVariables;
        this.healthUri = healthUri;
        this.address = address;
        this.external = external;
        this.home = home;
        this.pidFile = new PidFile(home.pids().resolve(name + ".pid"), mainClass.getName());
    }

    static SandboxComponent paymentProvider(SuiteHome home, Settings settings) {
        int port = settings.paymentProviderPort();
        return new SandboxComponent("payment-provider", PaymentProviderSimulator.class,
                List.of("--port", Integer.toString(port), "--data", home.paymentProviderData().toString()),
                List.of(port), "PAYMENT_PROVIDER_PORT", URI.create("http://127.0.0.1:" + port + "/health"),
                settings.paymentProviderUrl(), settings.value("PAYMENT_PROVIDER_URL"), home);
    }

    static SandboxComponent smtpSink(SuiteHome home, Settings settings) {
        int smtp = settings.smtpPort();
        int api = settings.smtpSinkApiPort();
        return new SandboxComponent("smtp-sink", SmtpSink.class,
                List.of("--smtp-port", Integer.toString(smtp), "--api-port", Integer.toString(api), "--data",
                        home.smtpSinkData().toString()),
                List.of(smtp, api), "SMTP_PORT / SMTP_SINK_API_PORT",
                URI.create("http://127.0.0.1:" + api + "/health"),
                "smtp://" + settings.smtpHost() + ":" + smtp,
                settings.value("SMTP_HOST"), home);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String address() {
        return external.orElse(address);
    }

    @Override
    public Optional<ProcessHandle> process() {
        return pidFile.process();
    }

    @Override
    public Health health() {
        if (external.isPresent()) {
            return Health.EXTERNAL;
        }
        if (process().isEmpty()) {
            return Health.STOPPED;
        }
        return healthStatus() == 200 ? Health.UP : Health.DOWN;
    }

    @Override
    public void start() {
        if (external.isPresent() || process().isPresent()) {
            return;
        }
        for (int port : ports) {
            if (FreePort.isListening(port)) {
                throw new SuiteException(name + ": port " + port + " is already in use by another process (set "
                        + portVariables + " to use another)");
            }
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(StandIns.JAVA_OPTIONS);
        command.addAll(List.of("-cp", classpath(), mainClass.getName()));
        command.addAll(arguments);
        Detached.start(home, name, pidFile, command, Map.of());
    }

    private static String classpath() {
        try {
            return RepositoryLayout.sandboxClasspath();
        } catch (IllegalStateException e) {
            throw new SuiteException(e.getMessage(), e);
        }
    }

    @Override
    public void awaitReady(Duration timeout) {
        if (external.isPresent()) {
            return;
        }
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (process().isEmpty()) {
                throw new SuiteException(name + ": exited while starting (see " + log() + ")");
            }
            if (healthStatus() == 200) {
                return;
            }
            Launcher.pause(Duration.ofMillis(200));
        }
        throw new SuiteException(name + ": not ready within " + timeout.toSeconds() + " s (see " + log() + ")");
    }

    private int healthStatus() {
        return HttpProbe.status(healthUri);
    }

    @Override
    public boolean stop() {
        return pidFile.stop(Duration.ofSeconds(10));
    }

    @Override
    public String log() {
        return external.isPresent() ? "-" : home.log(name).toString();
    }
}

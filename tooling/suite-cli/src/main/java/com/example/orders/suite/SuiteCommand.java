package com.example.orders.suite;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.example.orders.localinfra.RepositoryLayout;
import com.example.orders.suite.ops.DeadLetterTable;
import com.example.orders.suite.ops.DeadLetters;
import com.example.orders.suite.ops.OperationFailed;
import com.example.orders.suite.ops.Replay;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./suite}: runs the whole order platform on one machine, without Docker. See README and docs/contract.md §1,
 * §4.
 */
@Command(name = "suite", mixinStandardHelpOptions = true, subcommands = {SuiteCommand.Up.class,
        SuiteCommand.Down.class, SuiteCommand.Status.class,
        SuiteCommand.Token.class, SuiteCommand.SecretsCommand.class,
        SuiteCommand.Env.class,
        SuiteCommand.Dlq.class,
        SuiteCommand.ReplayCommand.class}, description = "Starts, shows and stops the local order platform.")
public final class SuiteCommand {

    private final Launcher launcher;

    SuiteCommand(Launcher launcher) {
        this.launcher = launcher;
    }

    public static void main(String[] args) {
        System.exit(run(RepositoryLayout.root(), System.getenv(), System.out, System.err, args));
    }

    static int run(Path repository, Map<String, String> env, PrintStream out, PrintStream err, String... args) {
        Launcher launcher = new Launcher(repository, env, out);
        CommandLine commandLine = new CommandLine(new SuiteCommand(launcher), new CommandLine.IFactory() {

            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type.getEnclosingClass() == SuiteCommand.class) {
                    return type.cast(type.getDeclaredConstructor(Launcher.class).newInstance(launcher));
                }
                return CommandLine.defaultFactory().create(type);
            }
        });
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof SuiteException || exception instanceof OperationFailed) {
                err.println(exception.getMessage());
                return 1;
            }
            throw exception;
        });
        return commandLine.execute(args);
    }

    @Command(name = "up", description = "Starts whatever is not running (broker, PostgreSQL, the services) and "
            + "waits until all are ready; exits 1 naming what is not.")
    static final class Up implements Callable<Integer> {

        private final Launcher launcher;

        @Option(names = "--replica", paramLabel = "SERVICE", description = "also start a second instance of this "
                + "service, <service>-2, on <SERVICE>_HTTP_PORT_2 (default: its port + 100), with the same database "
                + "and consumer group; repeatable. ./suite down <service>-2 stops it.")
        List<String> replicas = new ArrayList<>();

        Up(Launcher launcher) {
            this.launcher = launcher;
        }

        @Override
        public Integer call() {
            return launcher.up(replicas);
        }
    }

    @Command(name = "down", description = "Stops what ./suite up started (SIGTERM, by PID), or only the named "
            + "components; data is kept.")
    static final class Down implements Callable<Integer> {

        private final Launcher launcher;

        @Parameters(arity = "0..*", paramLabel = "COMPONENT", description = "e.g. order-service; default: all")
        List<String> components = new ArrayList<>();

        Down(Launcher launcher) {
            this.launcher = launcher;
        }

        @Override
        public Integer call() {
            return launcher.down(components);
        }
    }

    @Command(name = "env", description = "Prints the exports a service needs to run outside the launcher "
            + "(dev mode, debugger) against the suite's broker and its own database.")
    static final class Env implements Callable<Integer> {

        private final Launcher launcher;

        @Parameters(paramLabel = "SERVICE", description = "e.g. order-service")
        String service;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        Env(Launcher launcher) {
            this.launcher = launcher;
        }

        @Override
        public Integer call() {
            launcher.environmentOf(service).forEach(spec.commandLine().getOut()::println);
            return 0;
        }
    }

    @Command(name = "status", description = "Shows what runs where; exits 1 when anything is down.")
    static final class Status implements Callable<Integer> {

        private final Launcher launcher;

        Status(Launcher launcher) {
            this.launcher = launcher;
        }

        @Override
        public Integer call() {
            return launcher.status();
        }
    }

    @Command(name = "token", description = "Prints a signed JWT (RS256) for local calls.")
    static final class Token implements Callable<Integer> {

        private final Launcher launcher;

        @Option(names = "--sub", required = true, description = "The subject: a customer id, or an operator's name.")
        String subject;

        @Option(names = "--role", defaultValue = "customer", description = "customer or admin (default: ${DEFAULT-VALUE}).")
        String role;

        @Option(names = "--ttl", defaultValue = "PT1H", description = "Lifetime, ISO-8601 (default: ${DEFAULT-VALUE}).")
        Duration lifetime;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        Token(Launcher launcher) {
            this.launcher = launcher;
        }

        @Override
        public Integer call() {
            if (!role.equals("customer") && !role.equals("admin")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--role must be customer or admin");
            }
            spec.commandLine().getOut().println(launcher.token(subject, role, lifetime));
            return 0;
        }
    }

    @Command(name = "secrets", description = "Makes (or keeps) the local JWT keys and database passwords without "
            + "starting anything, and says where they are (for docker compose and Kubernetes; see deploy/README.md).")
    static final class SecretsCommand implements Callable<Integer> {

        private final Launcher launcher;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        SecretsCommand(Launcher launcher) {
            this.launcher = launcher;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.println("passwords:      " + launcher.secrets());
            out.println("JWT public key: " + launcher.jwtPublicKey());
            out.println("(owner-only files under the suite's home, never committed)");
            return 0;
        }
    }

    @Command(name = "dlq", mixinStandardHelpOptions = true, description = "Dead letters: what a consumer group could not process, and re-driving them "
            + "after a fix.", subcommands = {DlqList.class, DlqRedrive.class})
    static final class Dlq implements Runnable {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        Dlq(Launcher launcher) {
        }

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: list or redrive");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the dead letters of a consumer group (<group>.dlq): event, order, "
            + "where it came from, how long ago, whether it was re-driven, and why it failed.")
    static final class DlqList implements Callable<Integer> {

        private final Launcher launcher;

        @Parameters(paramLabel = "GROUP", description = "a consumer group, named after its service, e.g. "
                + "inventory-service")
        String group;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        DlqList(Launcher launcher) {
            this.launcher = launcher;
        }

        @Override
        public Integer call() {
            try (DeadLetters deadLetters = new DeadLetters(launcher.brokerForOperations())) {
                DeadLetterTable.print(deadLetters.list(group), Instant.now(), spec.commandLine().getOut());
            }
            return 0;
        }
    }

    @Command(name = "redrive", mixinStandardHelpOptions = true, description = "Re-delivers the pending dead letters of a consumer group (or one "
            + "event's) to the topics they came from, after the fault is fixed. Consumers skip what they applied "
            + "before; what fails again returns to the dead-letter topic once, for the next redrive.")
    static final class DlqRedrive implements Callable<Integer> {

        private final Launcher launcher;

        @Parameters(paramLabel = "GROUP", description = "a consumer group, e.g. inventory-service")
        String group;

        @Option(names = "--id", paramLabel = "CE_ID", description = "only this event's dead letters")
        String ceId;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        DlqRedrive(Launcher launcher) {
            this.launcher = launcher;
        }

        @Override
        public Integer call() {
            try (DeadLetters deadLetters = new DeadLetters(launcher.brokerForOperations())) {
                DeadLetters.Redrive redrive = deadLetters.redrive(group, Optional.ofNullable(ceId));
                PrintWriter out = spec.commandLine().getOut();
                out.printf("re-drove %d events to %s%s%n", redrive.redriven(), group,
                        redrive.duplicatesFolded() > 0
                                ? " (" + redrive.duplicatesFolded() + " more dead letters were the same events)"
                                : "");
                if (redrive.withoutOrigin() > 0) {
                    out.printf("%d dead letters name no topic they came from: they cannot be re-driven, and are "
                            + "marked done (they stay in the topic for inspection)%n",
                            redrive.withoutOrigin());
                }
            }
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true, description = "Re-delivers a window of the topics a consumer group reads (all of them, "
            + "or --topic). A running group's service replays it beside its live consumers; a stopped group's "
            + "offsets are moved back. Either way the consumer skips what it applied before: no effect repeats, no "
            + "email or charge is sent again.")
    static final class ReplayCommand implements Callable<Integer> {

        private final Launcher launcher;

        @Option(names = "--group", required = true, description = "the consumer group, e.g. inventory-service")
        String group;

        @Option(names = "--topic", description = "only this topic (default: every topic the group consumes)")
        String topic;

        @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
        Start start;

        static final class Start {

            @Option(names = "--from", paramLabel = "TIME|earliest", description = "an ISO-8601 time with its "
                    + "offset (2026-11-23T02:00:00Z), or earliest")
            String from;

            @Option(names = "--from-offset", paramLabel = "N", description = "this offset of every partition")
            Long offset;
        }

        @Option(names = "--to", paramLabel = "TIME", description = "up to this time (default: the end now); needs "
                + "the group's service running")
        String to;

        @Option(names = "--dry-run", description = "only count, per partition, what would be re-delivered and what "
                + "the consumer applied before")
        boolean dryRun;

        @Option(names = "--rebuild", description = "empty the group's read model first (analytics-service), then "
                + "replay from earliest to rebuild it")
        boolean rebuild;

        @Option(names = "--service-url", paramLabel = "URL", description = "one instance of the group's service, "
                + "when it does not run in this suite (default: the suite's own)")
        URI serviceUrl;

        @Option(names = "--wait", defaultValue = "PT30M", description = "how long to wait for a running service's "
                + "replay (default: ${DEFAULT-VALUE})")
        Duration patience;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        ReplayCommand(Launcher launcher) {
            this.launcher = launcher;
        }

        @Override
        public Integer call() {
            Replay.From from = start.offset != null
                    ? new Replay.From.AtOffset(start.offset)
                    : start.from.equals("earliest")
                            ? new Replay.From.Earliest()
                            : new Replay.From.AtTime(time(
                                    "--from", start.from));
            if (rebuild && !(from instanceof Replay.From.Earliest)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--rebuild replays everything: use it with --from earliest");
            }
            Replay.Request request = new Replay.Request(group, Optional.ofNullable(topic), from,
                    Optional.ofNullable(to).map(value -> time("--to", value)), dryRun, rebuild);
            try (Replay replay = new Replay(launcher.brokerForOperations())) {
                Optional<Replay.ServiceOperations> service = Optional.empty();
                if (replay.isActive(group)) {
                    service = Optional.of(launcher.operationsOf(group, Optional.ofNullable(serviceUrl), patience));
                }
                replay.run(request, service, spec.commandLine().getOut());
            }
            return 0;
        }

        private Instant time(String option, String value) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), option + " " + value + " is not an "
                        + "ISO-8601 time with an offset, e.g. 2026-11-23T02:00:00Z");
            }
        }
    }
}

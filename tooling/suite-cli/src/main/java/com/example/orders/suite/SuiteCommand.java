package com.example.orders.suite;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.example.orders.localinfra.RepositoryLayout;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./suite}: runs the whole order platform on one machine, without Docker. See README and CONTRACT §1, §4. */
@Command(name = "suite", mixinStandardHelpOptions = true, subcommands = {SuiteCommand.Up.class,
        SuiteCommand.Down.class, SuiteCommand.Status.class,
        SuiteCommand.Token.class, SuiteCommand.SecretsCommand.class,
        SuiteCommand.Env.class}, description = "Starts, shows and stops the local order platform.")
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
            if (exception instanceof SuiteException) {
                err.println(exception.getMessage());
                return 1;
            }
            throw exception;
        });
        return commandLine.execute(args);
    }

    @Command(name = "up", description = "Starts whatever is not running (broker, PostgreSQL, the services) and "
            + "waits until all are ready.")
    static final class Up implements Callable<Integer> {

        private final Launcher launcher;

        Up(Launcher launcher) {
            this.launcher = launcher;
        }

        @Override
        public Integer call() {
            return launcher.up();
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
}

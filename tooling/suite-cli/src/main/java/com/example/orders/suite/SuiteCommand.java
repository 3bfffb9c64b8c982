package com.example.orders.suite;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.example.orders.localinfra.RepositoryLayout;
import com.example.orders.operations.OperationFailed;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./suite}: runs the whole order platform on one machine, without Docker. See README and docs/contract.md §1,
 * §4. The lifecycle commands (up, down, status, env) are here; credentials ({@link CredentialCommands}), dead letters
 * ({@link DeadLetterCommands}) and replays ({@link ReplayCommand}) have files of their own. Every command is made with
 * the one {@link Launcher}.
 */
@Command(name = "suite", mixinStandardHelpOptions = true, subcommands = {SuiteCommand.Up.class,
        SuiteCommand.Down.class, SuiteCommand.Status.class, SuiteCommand.Env.class, CredentialCommands.Token.class,
        CredentialCommands.SecretsCommand.class, DeadLetterCommands.Dlq.class,
        ReplayCommand.class}, description = "Starts, shows and stops the local order platform.")
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
                try {
                    return type.cast(type.getDeclaredConstructor(Launcher.class).newInstance(launcher));
                } catch (NoSuchMethodException notACommandOfOurs) {
                    return CommandLine.defaultFactory().create(type);
                }
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

}

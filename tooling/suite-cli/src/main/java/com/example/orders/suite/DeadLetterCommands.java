package com.example.orders.suite;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.example.orders.operations.DeadLetters;
import com.example.orders.suite.ops.DeadLetterTable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./suite dlq list} and {@code ./suite dlq redrive}: a consumer group's dead letters. */
final class DeadLetterCommands {

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

    private DeadLetterCommands() {
    }
}

package com.example.orders.suite;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./suite token} and {@code ./suite secrets}: the suite's local credentials. */
final class CredentialCommands {

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

    private CredentialCommands() {
    }
}

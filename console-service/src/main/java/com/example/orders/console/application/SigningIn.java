package com.example.orders.console.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Who may use the console: operators, that is holders of an admin token of the suite ({@code ./suite token --role
 * admin}). The session is that token, kept by the browser; every request reads it again, so a session ends when its
 * token does (or at {@code console.session-max-age}, whichever comes first).
 */
@ApplicationScoped
public class SigningIn {

    static final String OPERATOR_ROLE = "admin";

    private final OperatorCredentials credentials;
    private final ConsoleConfig config;
    private final Clock clock;

    @Inject
    SigningIn(OperatorCredentials credentials, ConsoleConfig config) {
        this(credentials, config, Clock.systemUTC());
    }

    SigningIn(OperatorCredentials credentials, ConsoleConfig config, Clock clock) {
        this.credentials = credentials;
        this.config = config;
        this.clock = clock;
    }

    /** An operator signed in, and until when their session lasts. */
    public record Operator(String name, Instant sessionEnds) {
    }

    public sealed interface Outcome {
    }

    public record SignedIn(Operator operator) implements Outcome {
    }

    /**
     * @param forbidden
     *            true when the token is good but not an operator's (a customer's): signing in again with it cannot help
     */
    public record Refused(String why, boolean forbidden) implements Outcome {
    }

    public Outcome signIn(String token) {
        if (token == null || token.isBlank()) {
            return new Refused("Paste an admin token: ./suite token --sub <your name> --role admin", false);
        }
        OperatorCredentials.Reading reading = credentials.read(token.strip());
        if (reading instanceof OperatorCredentials.Invalid invalid) {
            return new Refused("That token cannot be used: " + invalid.why(), false);
        }
        OperatorCredentials.Valid valid = (OperatorCredentials.Valid) reading;
        if (!valid.roles().contains(OPERATOR_ROLE)) {
            return new Refused("That is the token of a customer (" + valid.subject() + "). The console is for "
                    + "operators only: sign in with an admin token (./suite token --sub <your name> --role admin).",
                    true);
        }
        return new SignedIn(new Operator(valid.subject(),
                earlierOf(valid.expiresAt(), clock.instant().plus(config.sessionMaxAge()))));
    }

    /** The operator whose session this is, while it lasts. */
    public Optional<Operator> sessionOf(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return signIn(token) instanceof SignedIn signedIn ? Optional.of(signedIn.operator()) : Optional.empty();
    }

    private static Instant earlierOf(Instant one, Instant other) {
        return one.isBefore(other) ? one : other;
    }
}

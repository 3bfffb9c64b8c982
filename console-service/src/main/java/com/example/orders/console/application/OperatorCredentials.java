package com.example.orders.console.application;

import java.time.Instant;
import java.util.Set;

/** Reads a bearer token as the suite's services do: signed by the suite's key, from its issuer, not expired. */
public interface OperatorCredentials {

    /** What a token says, once its signature, issuer and expiry are checked. */
    sealed interface Reading {
    }

    record Valid(String subject, Set<String> roles, Instant expiresAt) implements Reading {
    }

    /**
     * @param why
     *            what is wrong with it, in words an operator can act on
     */
    record Invalid(String why) implements Reading {
    }

    Reading read(String token);
}

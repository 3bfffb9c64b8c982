package com.example.orders.console.infrastructure.security;

import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.example.orders.console.application.OperatorCredentials;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/** Reads a token with the service's own JWT settings (the suite's public key and issuer), as every service does. */
@ApplicationScoped
class JwtOperatorCredentials implements OperatorCredentials {

    private final JWTParser parser;

    JwtOperatorCredentials(JWTParser parser) {
        this.parser = parser;
    }

    @Override
    public Reading read(String token) {
        try {
            JsonWebToken jwt = parser.parse(token);
            return new Valid(jwt.getSubject(), jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups()),
                    Instant.ofEpochSecond(jwt.getExpirationTime()));
        } catch (ParseException e) {
            return new Invalid(whyRefused(e));
        }
    }

    /** SmallRye's reason is buried in the cause chain: an expired token says so, anything else is not ours. */
    private static String whyRefused(ParseException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("expired") || message.contains("Expiration")) {
                return "it has expired; make a new one with ./suite token --role admin";
            }
        }
        return "it is not a token of this suite (malformed, or not signed by its key)";
    }
}

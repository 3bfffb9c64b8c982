package com.example.orders.platform.security;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Bearer tokens verified once, not on every request. A client sends the same token with every call for the token's
 * lifetime, and verifying its RS256 signature again each time was the largest single cost of placing an order (JFR at
 * 30 orders/s: 18 % of order-service's CPU samples in jose4j, most of it RSA). A token that was verified is kept, by
 * its exact text, until its {@code exp}: the same text cannot carry other claims or another signature, so what was
 * verified then holds now. From its {@code exp} on, the token goes to SmallRye JWT's own factory again, which applies
 * the configured grace and clock skew and refuses it in the end; a token that fails is never kept, and a token without
 * an {@code exp} is not kept either.
 * <p>
 * The cache holds at most {@value #CAPACITY} tokens: when full, the expired ones are dropped, and if that frees
 * nothing, all of them (the next requests verify again). It replaces SmallRye JWT's default factory as a CDI
 * alternative, in every service that takes bearer tokens.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    static final int CAPACITY = 10_000;

    private final JWTCallerPrincipalFactory verifier;
    private final Clock clock;
    private final int capacity;
    private final Map<Key, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    VerifiedTokens() {
        this(new DefaultJWTCallerPrincipalFactory(), Clock.systemUTC(), CAPACITY);
    }

    VerifiedTokens(JWTCallerPrincipalFactory verifier, Clock clock, int capacity) {
        this.verifier = verifier;
        this.clock = clock;
        this.capacity = capacity;
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        Key key = new Key(token, authContextInfo);
        long now = clock.instant().getEpochSecond();
        Verified known = verified.get(key);
        if (known != null) {
            if (now < known.expiresAt()) {
                return known.principal();
            }
            verified.remove(key, known);
        }
        JWTCallerPrincipal principal = verifier.parse(token, authContextInfo);
        long expiresAt = principal.getExpirationTime();
        if (now < expiresAt) {
            makeRoom(now);
            verified.put(key, new Verified(principal, expiresAt));
        }
        return principal;
    }

    /** How many verified tokens are kept now. */
    int size() {
        return verified.size();
    }

    private void makeRoom(long now) {
        if (verified.size() < capacity) {
            return;
        }
        verified.values().removeIf(one -> now >= one.expiresAt());
        if (verified.size() >= capacity) {
            verified.clear();
        }
    }

    /** The token's text, and the verification settings it was verified with (one set per service). */
    private record Key(String token, JWTAuthContextInfo settings) {
    }

    private record Verified(JWTCallerPrincipal principal, long expiresAt) {
    }
}

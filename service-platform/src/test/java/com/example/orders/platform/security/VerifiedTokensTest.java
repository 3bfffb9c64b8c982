package com.example.orders.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.example.orders.localinfra.JwtKeys;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;

/** Real RS256 tokens, verified by SmallRye JWT's own factory behind the cache; only the cache's clock is the test's. */
class VerifiedTokensTest {

    @TempDir
    Path keys;

    private JwtKeys jwtKeys;
    private JWTAuthContextInfo settings;
    private final AtomicInteger verifications = new AtomicInteger();
    private Instant now = Instant.now();
    private VerifiedTokens tokens;
    private DefaultJWTCallerPrincipalFactory verifier;
    private Clock clock;

    @BeforeEach
    void keysAndCache() {
        jwtKeys = new JwtKeys(keys.resolve("private.pem"), keys.resolve("public.pem"));
        settings = new JWTAuthContextInfo("file:" + jwtKeys.publicKey(), JwtKeys.ISSUER);
        verifier = new DefaultJWTCallerPrincipalFactory() {

            @Override
            public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
                verifications.incrementAndGet();
                return super.parse(token, authContextInfo);
            }
        };
        clock = new Clock() {

            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        tokens = new VerifiedTokens(verifier, clock, VerifiedTokens.CAPACITY);
    }

    @Test
    void aTokenIsVerifiedOnceAndItsClaimsServeEveryLaterRequest() throws ParseException {
        String token = jwtKeys.sign("ada", "customer", Duration.ofMinutes(10));

        JWTCallerPrincipal first = tokens.parse(token, settings);
        JWTCallerPrincipal second = tokens.parse(token, settings);

        assertThat(verifications).hasValue(1);
        assertThat(second).isSameAs(first);
        assertThat(second.getSubject()).isEqualTo("ada");
        assertThat(second.getGroups()).containsExactly("customer");
    }

    @Test
    void anotherTokenIsVerifiedOnItsOwn() throws ParseException {
        JWTCallerPrincipal ada = tokens.parse(jwtKeys.sign("ada", "customer", Duration.ofMinutes(10)), settings);
        JWTCallerPrincipal bob = tokens.parse(jwtKeys.sign("bob", "admin", Duration.ofMinutes(10)), settings);

        assertThat(verifications).hasValue(2);
        assertThat(bob.getSubject()).isEqualTo("bob");
        assertThat(bob.getGroups()).containsExactly("admin");
        assertThat(ada.getSubject()).isEqualTo("ada");
    }

    @Test
    void aTokenPastItsExpiryIsVerifiedAgainRatherThanServedFromTheCache() throws ParseException {
        String token = jwtKeys.sign("ada", "customer", Duration.ofMinutes(10));
        tokens.parse(token, settings);

        now = now.plus(Duration.ofMinutes(11));
        tokens.parse(token, settings);

        assertThat(verifications).as("verified when first seen, and again once the cache's clock passed exp")
                .hasValue(2);
    }

    @Test
    void aRefusedTokenIsNeverKeptAndIsRefusedEveryTime() {
        String token = jwtKeys.sign("ada", "customer", Duration.ofMinutes(10));
        String tampered = JwtKeys.tampered(token);
        String expired = jwtKeys.sign("ada", "customer", Duration.ofMinutes(-10));

        for (String refused : new String[]{tampered, expired, tampered, expired}) {
            assertThatThrownBy(() -> tokens.parse(refused, settings)).isInstanceOf(ParseException.class);
        }
        assertThat(verifications).hasValue(4);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aFullCacheDropsTheExpiredTokensFirst() throws ParseException {
        tokens = new VerifiedTokens(verifier, clock, 3);
        String lasting = jwtKeys.sign("ada", "customer", Duration.ofHours(2));
        String shortLived = jwtKeys.sign("bob", "customer", Duration.ofMinutes(1));
        String later = jwtKeys.sign("cay", "customer", Duration.ofMinutes(10));
        for (String token : new String[]{lasting, shortLived, later}) {
            tokens.parse(token, settings);
        }
        now = now.plus(Duration.ofMinutes(5));

        tokens.parse(jwtKeys.sign("eve", "customer", Duration.ofMinutes(10)), settings);
        tokens.parse(lasting, settings);
        tokens.parse(later, settings);

        assertThat(verifications).as("three, then eve; ada and cay still served from the cache").hasValue(4);
        assertThat(tokens.size()).isEqualTo(3);
    }

    @Test
    void aFullCacheWithNothingExpiredStartsAfresh() throws ParseException {
        tokens = new VerifiedTokens(verifier, clock, 2);
        String ada = jwtKeys.sign("ada", "customer", Duration.ofHours(1));
        tokens.parse(ada, settings);
        tokens.parse(jwtKeys.sign("bob", "customer", Duration.ofHours(1)), settings);

        tokens.parse(jwtKeys.sign("cay", "customer", Duration.ofHours(1)), settings);
        tokens.parse(ada, settings);

        assertThat(verifications).as("ada verified again after the cache was emptied for cay").hasValue(4);
        assertThat(tokens.size()).isEqualTo(2);
    }
}

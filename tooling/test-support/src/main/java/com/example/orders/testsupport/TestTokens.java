package com.example.orders.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.example.orders.localinfra.JwtKeys;

/** JWTs for tests, signed with a key pair made for this test JVM; services under test verify with its public key. */
public final class TestTokens {

    private static JwtKeys keys;

    /**
     * Where the key pair lives; a JVM-wide property, because Quarkus loads this class in more than one class loader.
     */
    private static final String DIRECTORY_PROPERTY = "order-platform.test.jwt-keys";

    static synchronized JwtKeys keys() {
        if (keys == null) {
            try {
                String existing = System.getProperty(DIRECTORY_PROPERTY);
                Path directory = existing != null
                        ? Path.of(existing)
                        : Files.createTempDirectory("order-platform-jwt-");
                System.setProperty(DIRECTORY_PROPERTY, directory.toString());
                keys = new JwtKeys(directory.resolve("private.pem"), directory.resolve("public.pem"));
                keys.ensureKeys();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return keys;
    }

    static String publicKeyPem() {
        try {
            return Files.readString(keys().publicKey());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String customer(String customerId) {
        return keys().sign(customerId, "customer", Duration.ofMinutes(10));
    }

    public static String admin(String name) {
        return keys().sign(name, "admin", Duration.ofMinutes(10));
    }

    /** An admin token that expired ten minutes ago, well past any clock skew a verifier allows. */
    public static String expiredAdmin(String name) {
        return keys().sign(name, "admin", Duration.ofMinutes(-10));
    }

    private TestTokens() {
    }
}

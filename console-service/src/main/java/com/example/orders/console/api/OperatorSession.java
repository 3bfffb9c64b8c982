package com.example.orders.console.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import jakarta.ws.rs.core.NewCookie;

import com.example.orders.console.application.SigningIn;

/**
 * The signed-in operator of one request, and the cookie that carries the session: the operator's own admin token,
 * HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it) and scoped to {@code /console}. Its
 * CSRF token, which every form of the console posts back, is a digest of the session: whoever cannot read the cookie
 * cannot make it, and every instance of the console computes the same one, so it needs no state.
 */
public record OperatorSession(SigningIn.Operator operator, String token) {

    public static final String COOKIE = "console_session";
    static final String PATH = "/console";

    public String name() {
        return operator.name();
    }

    /** What every form of this session posts as its {@code csrf} field. */
    public String csrf() {
        return csrfOf(token);
    }

    /** Whether a posted {@code csrf} field is this session's, compared in constant time. */
    public boolean posted(String csrf) {
        return csrf != null && MessageDigest.isEqual(csrf().getBytes(StandardCharsets.US_ASCII),
                csrf.getBytes(StandardCharsets.US_ASCII));
    }

    public static String csrfOf(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("console-csrf\n" + token).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The cookie that starts a session, kept by the browser until the session ends. */
    static NewCookie start(String token, Instant ends, Instant now, boolean secure) {
        return cookie(token, (int) Math.max(0, Duration.between(now, ends).toSeconds()), secure);
    }

    /** The cookie that ends it. */
    static NewCookie end(boolean secure) {
        return cookie("", 0, secure);
    }

    private static NewCookie cookie(String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(COOKIE).value(value).path(PATH).maxAge(maxAge).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}

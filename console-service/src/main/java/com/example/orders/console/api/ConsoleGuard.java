package com.example.orders.console.api;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.example.orders.console.application.SigningIn;

/**
 * Stands before every page and action of the console:
 * <ul>
 * <li>a POST from another site is refused (403), whatever it carries: the browser says where a request comes from
 * ({@code Sec-Fetch-Site}, {@code Origin}), and only the console's own pages may post to it;</li>
 * <li>a request without a valid operator session is refused (401, with the sign-in form), but for the two that sign in:
 * the front page (which is the sign-in form until one signs in) and the form's POST.</li>
 * </ul>
 * The session found is the request's {@link SignedIn}; each action also checks its form's CSRF token against it.
 */
public class ConsoleGuard {

    private static final Set<String> SAME_SITE = Set.of("same-origin", "none");

    private final SigningIn signingIn;
    private final SignedIn signedIn;

    ConsoleGuard(SigningIn signingIn, SignedIn signedIn) {
        this.signingIn = signingIn;
        this.signedIn = signedIn;
    }

    @ServerRequestFilter
    public Response guard(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals(OperatorSession.PATH) && !path.startsWith(OperatorSession.PATH + "/")) {
            return null;
        }
        boolean post = request.getMethod().equals("POST");
        if (post && crossSite(request)) {
            return Pages.refused(Response.Status.FORBIDDEN, "This request came from another site. The console takes "
                    + "actions only from its own pages.");
        }
        Cookie cookie = request.getCookies().get(OperatorSession.COOKIE);
        Optional<SigningIn.Operator> operator = cookie == null
                ? Optional.empty()
                : signingIn.sessionOf(cookie.getValue());
        operator.ifPresent(found -> signedIn.set(new OperatorSession(found, cookie.getValue())));
        boolean signsIn = path.equals(OperatorSession.PATH + "/login") && post
                || (path.equals(OperatorSession.PATH) || path.equals(OperatorSession.PATH + "/"))
                        && request.getMethod().equals("GET");
        if (operator.isEmpty() && !signsIn) {
            return Pages.signIn(Response.Status.UNAUTHORIZED, cookie == null
                    ? "Sign in to see this page."
                    : "Your session has ended. Sign in again.",
                    post
                            ? ""
                            : request.getUriInfo().getRequestUri()
                                    .getRawPath()
                                    + Optional.ofNullable(request.getUriInfo().getRequestUri().getRawQuery())
                                            .map(query -> "?" + query).orElse(""));
        }
        return null;
    }

    /**
     * Whether the browser says the request comes from another site: its {@code Sec-Fetch-Site}, or an {@code Origin}
     * that is not the host the request was sent to (the gateway passes the caller's Host on).
     */
    static boolean crossSite(ContainerRequestContext request) {
        String fetchSite = request.getHeaderString("Sec-Fetch-Site");
        if (fetchSite != null && !SAME_SITE.contains(fetchSite.toLowerCase(Locale.ROOT))) {
            return true;
        }
        String origin = request.getHeaderString("Origin");
        if (origin == null) {
            return false;
        }
        String host = request.getHeaderString(HttpHeaders.HOST);
        try {
            URI from = URI.create(origin);
            return host == null || from.getAuthority() == null || !from.getAuthority().equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            // "null" (a sandboxed frame, a redirect across sites) or garbage: not this site
            return true;
        }
    }

    static MediaType html() {
        return MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");
    }
}

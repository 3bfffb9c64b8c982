package com.example.orders.platform.api;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code X-Request-Id} on every call: the caller's (the gateway's) is kept when it is a sane token, otherwise one is
 * made; it is in the log (MDC {@code requestId}, and the access log), answered back, and readable by a resource as the
 * header, so a use case can carry it into the events it starts.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @ServerRequestFilter(preMatching = true)
    public void identify(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        if (id == null || !SANE.matcher(id).matches()) {
            id = UUID.randomUUID().toString().replace("-", "");
            request.getHeaders().putSingle(HEADER, id);
        }
        MDC.put(MDC_KEY, id);
    }

    @ServerResponseFilter
    public void answer(ContainerRequestContext request, ContainerResponseContext response) {
        String id = request.getHeaderString(HEADER);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
        // the id stays in the log context to the end of the request, so its access-log line carries it as a field;
        // the context is the request's own (Vert.x), so no other request sees it
    }
}

package com.example.orders.platform.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.example.orders.platform.outage.TransientFailures;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Turns the framework's own errors into problem details, so no client ever parses two error formats. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** How long a client should wait before it tries again while a dependency is away. */
    static final String RETRY_AFTER_SECONDS = "2";

    /**
     * What no other mapper knows. A dependency that is away (the database restarting, a lock timeout, the pool out of
     * connections) is a 503 with Retry-After: nothing was done, and a retried POST with the same Idempotency-Key places
     * its order once. Anything else is our bug: a 500 that names the request id, with the stack trace in the log, never
     * in the answer.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (TransientFailures.isTransient(e)) {
            LOG.debugf("answered 503, a dependency is away: %s", e.toString());
            return Response.fromResponse(Problems.of(Response.Status.SERVICE_UNAVAILABLE,
                    "this service cannot reach its database or broker for the moment; nothing was done, try again "
                            + "after the Retry-After seconds"))
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .build();
        }
        LOG.errorf(e, "unexpected failure of a request");
        return Problems.of(Response.Status.INTERNAL_SERVER_ERROR,
                "an unexpected error; the X-Request-Id of this answer finds it in the service's log");
    }

    /** No credential, or one that does not prove who sent it (tampered, expired, not a JWT). */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(Problems.of(Response.Status.UNAUTHORIZED,
                "a valid bearer token is required (Authorization: Bearer <JWT>)"))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problems.of(Response.Status.FORBIDDEN, "this token's role may not do this");
    }

    @ServerExceptionMapper
    public Response invalidRequest(ConstraintViolationException e) {
        String detail = e.getConstraintViolations()
                .stream()
                .map(violation -> fieldOf(violation.getPropertyPath().toString()) + ": " + violation.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return Problems.of(Response.Status.BAD_REQUEST, detail);
    }

    /** A body of the wrong shape: an unknown field, or a value of the wrong type. Names the field. */
    @ServerExceptionMapper
    public Response mismatchedBody(MismatchedInputException e) {
        return Problems.of(Response.Status.BAD_REQUEST, describe(e));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            // Quarkus REST wraps what Jackson could not parse (malformed JSON, limits) in a plain 400
            return Problems.of(Response.Status.BAD_REQUEST, describe(json));
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return Problems.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage());
    }

    static String describe(JsonProcessingException e) {
        JsonProcessingException unreadable = unreadableCauseOf(e);
        if (unreadable instanceof StreamConstraintsException) {
            return "the body exceeds the JSON limits: " + firstLineOf(unreadable.getOriginalMessage());
        }
        if (unreadable != null) {
            String where = unreadable.getLocation() == null
                    ? ""
                    : " (line " + unreadable.getLocation().getLineNr() + ", column "
                            + unreadable.getLocation().getColumnNr() + ")";
            return "the body is not valid JSON" + where + ": " + firstLineOf(unreadable.getOriginalMessage());
        }
        if (e instanceof MismatchedInputException
                && String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
            // Jackson has no type of its own for this one (FAIL_ON_TRAILING_TOKENS)
            return "the body is not valid JSON: it goes on after its first value";
        }
        if (e instanceof PropertyBindingException unknown) {
            return pathOf(unknown, unknown.getPropertyName()) + ": is not a field of this request; known fields: "
                    + knownFields(unknown.getKnownPropertyIds());
        }
        if (e instanceof MismatchedInputException mismatch) {
            return pathOf(mismatch, null) + ": " + expected(mismatch.getTargetType());
        }
        return "the body does not fit this request: " + firstLineOf(e.getOriginalMessage());
    }

    /** The parser's own complaint (malformed JSON or a limit), which Jackson's binding may have wrapped. */
    private static JsonProcessingException unreadableCauseOf(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException || cause instanceof StreamConstraintsException) {
                return (JsonProcessingException) cause;
            }
        }
        return null;
    }

    /** {@code items[0].quantity}, as the client wrote it. */
    private static String pathOf(JsonMappingException e, String last) {
        StringBuilder path = new StringBuilder();
        List<JsonMappingException.Reference> references = e.getPath();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            }
        }
        if (path.isEmpty() && last != null) {
            path.append(last);
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static final Map<Class<?>, String> EXPECTED = Map.of(
            int.class, "must be a whole number", Integer.class, "must be a whole number",
            long.class, "must be a whole number", Long.class, "must be a whole number",
            String.class, "must be a string", boolean.class, "must be true or false",
            Boolean.class, "must be true or false");

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (EXPECTED.containsKey(type)) {
            return EXPECTED.get(type);
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        return "must be an object";
    }

    private static String knownFields(Collection<Object> known) {
        return known == null
                ? "none"
                : known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String firstLineOf(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /**
     * "place.body.items[0].quantity" names the field as the client sent it: "items[0].quantity"; "get.sku" names the
     * parameter: "sku"; "place.body" names the body.
     */
    private static String fieldOf(String propertyPath) {
        String[] parts = propertyPath.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }
}

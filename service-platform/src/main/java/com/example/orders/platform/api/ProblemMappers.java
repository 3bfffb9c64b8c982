package com.example.orders.platform.api;

import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns the framework's own errors into problem details, so no client ever parses two error formats. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response invalidRequest(ConstraintViolationException e) {
        String detail = e.getConstraintViolations()
                .stream()
                .map(violation -> fieldOf(violation.getPropertyPath().toString()) + ": " + violation.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return Problems.of(Response.Status.BAD_REQUEST, detail);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return Problems.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage());
    }

    /** "place.request.items[0].quantity" names the field as the client sent it: "items[0].quantity". */
    private static String fieldOf(String propertyPath) {
        String[] parts = propertyPath.split("\\.", 3);
        return parts.length == 3 ? parts[2] : propertyPath;
    }
}

package com.example.orders.platform.api;

import jakarta.ws.rs.core.Response;

/** Error answers as RFC 9457 problem details ({@code application/problem+json}), the same in every service. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The body of an error answer. */
    public record Problem(String type, String title, int status, String detail) {
    }

    public static Response of(Response.Status status, String detail) {
        return of(status.getStatusCode(), status.getReasonPhrase(), detail);
    }

    public static Response of(int status, String title, String detail) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail))
                .build();
    }

    private Problems() {
    }
}

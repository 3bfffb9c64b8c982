package com.example.orders.order.api;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.example.orders.order.application.IdempotencyKeyReused;
import com.example.orders.order.application.UnknownOrder;
import com.example.orders.order.domain.OrderAlreadyFinal;
import com.example.orders.platform.api.Problems;

/** How order-service's refusals read to a client. */
public class OrderProblems {

    @ServerExceptionMapper
    public Response unknownOrder(UnknownOrder e) {
        return Problems.of(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    public Response alreadyFinal(OrderAlreadyFinal e) {
        return Problems.of(Response.Status.CONFLICT, e.getMessage());
    }

    @ServerExceptionMapper
    public Response keyReused(IdempotencyKeyReused e) {
        return Problems.of(422, "Unprocessable Content", e.getMessage());
    }
}

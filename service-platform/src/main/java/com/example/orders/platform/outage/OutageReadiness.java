package com.example.orders.platform.outage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while a consumer holds records, or a worker holds work, because the service's own database or broker is away (or
 * locked, or out of connections): the service is not doing its job meanwhile, even where its own health checks still
 * reach the dependency.
 */
@Readiness
@ApplicationScoped
public class OutageReadiness implements HealthCheck {

    private final Outages outages;

    OutageReadiness(Outages outages) {
        this.outages = outages;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("waiting on a dependency");
        var waiting = outages.waitingOnOwnDependencies();
        waiting.forEach(waiter -> response.withData(waiter.name(), waiter.describe()));
        return response.status(waiting.isEmpty()).build();
    }
}

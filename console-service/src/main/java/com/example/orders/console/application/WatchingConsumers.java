package com.example.orders.console.application;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** The consumers page: lag per group and partition, work held through outages, outbox backlogs, readiness. */
@ApplicationScoped
public class WatchingConsumers {

    private final ConsumerGroups groups;
    private final ServiceAdmin services;

    WatchingConsumers(ConsumerGroups groups, ServiceAdmin services) {
        this.groups = groups;
        this.services = services;
    }

    public record Consumers(List<ConsumerGroups.GroupLag> lags, List<ServiceAdmin.Readiness> readiness,
            List<ServiceAdmin.Gauges> gauges) {
    }

    public Consumers now() {
        return new Consumers(groups.lags(), services.readiness(), services.gauges());
    }
}

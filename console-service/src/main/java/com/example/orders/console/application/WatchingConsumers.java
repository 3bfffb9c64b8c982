package com.example.orders.console.application;

import java.util.List;
import java.util.Optional;

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

    /**
     * @param brokerUnavailable
     *            why the broker could not be asked, when it could not (the services' own readiness still shows)
     */
    public record Consumers(List<ConsumerGroups.GroupLag> lags, List<ServiceAdmin.Readiness> readiness,
            List<ServiceAdmin.Gauges> gauges, Optional<String> brokerUnavailable) {
    }

    public Consumers now() {
        List<ConsumerGroups.GroupLag> lags;
        Optional<String> brokerUnavailable;
        try {
            lags = groups.lags();
            brokerUnavailable = Optional.empty();
        } catch (OperationNotDone e) {
            lags = List.of();
            brokerUnavailable = Optional.of(e.getMessage());
        }
        return new Consumers(lags, services.readiness(), services.gauges(), brokerUnavailable);
    }
}

package com.example.orders.platform.outage;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** An {@link Outages} outside CDI, for tests of what waits on one. */
public final class TestOutages {

    public static Outages create() {
        return new Outages(new SimpleMeterRegistry());
    }

    private TestOutages() {
    }
}

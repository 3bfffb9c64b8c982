package com.example.orders.testsupport;

/** Infrastructure a test can take down and bring back, as an outage would, keeping its data and address. */
public interface Restartable {

    /** Whether {@link #stop()} and {@link #start()} are supported (a process of our own, not a container). */
    boolean canRestart();

    void stop();

    void start();
}

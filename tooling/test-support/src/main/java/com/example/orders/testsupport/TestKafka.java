package com.example.orders.testsupport;

/** The broker of this test JVM. */
public interface TestKafka {

    String bootstrapServers();

    /** Whether {@link #stop()} and {@link #start()} are supported (a broker process of our own). */
    boolean canRestart();

    /** Stops the broker, keeping its data, as an outage would. */
    void stop();

    /** Starts it again on the same address, with its data. */
    void start();
}

package com.example.orders.testsupport;

/** The broker of this test JVM. */
public interface TestKafka extends Restartable {

    String bootstrapServers();
}

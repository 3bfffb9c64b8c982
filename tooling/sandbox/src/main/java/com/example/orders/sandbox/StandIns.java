package com.example.orders.sandbox;

import java.util.List;

/** How a stand-in's JVM runs: by {@code ./suite up}, and so by the tests that check it fits. */
public final class StandIns {

    /**
     * A small heap, and C1 alone: stand-ins, not what is measured, and C2's compiled code would make each 15-30 MB
     * larger.
     */
    public static final List<String> JAVA_OPTIONS = List.of("-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private StandIns() {
    }
}

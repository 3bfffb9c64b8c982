package com.example.orders.suite;

import java.time.Duration;
import java.util.Optional;

/** One process of the local suite that the launcher starts, watches and stops. */
interface Component {

    String name();

    /** Where clients reach it. */
    String address();

    /** The running process the launcher started, if any. */
    Optional<ProcessHandle> process();

    /** Whether it is running, and for a service whether it is ready. */
    Health health();

    /** Starts it unless it runs already; returns once the process is started, not necessarily ready. */
    void start();

    /** Waits until it serves; throws {@link SuiteException} with the reason if it will not. */
    void awaitReady(Duration timeout);

    /** SIGTERM to its process; @return whether one was running. */
    boolean stop();

    /** The log file, relative to where the user stands when it is printed. */
    String log();

    enum Health {
        UP, DOWN, STOPPED, EXTERNAL
    }
}

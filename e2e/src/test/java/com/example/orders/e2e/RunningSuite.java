package com.example.orders.e2e;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one suite of this test JVM: started by the first test class that asks for it, with {@code ./suite up}, and
 * stopped with {@code ./suite down} when the JVM ends. Every end-to-end class shares it, so the suite starts once.
 */
final class RunningSuite {

    private static Suite suite;
    private static Api api;

    static synchronized Suite suite() {
        if (suite == null) {
            Suite starting = new Suite();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> starting.run("down")));
            Suite.Result up = starting.up();
            assertThat(up.exitCode()).as(up.output()).isZero();
            suite = starting;
            api = new Api(starting);
        }
        return suite;
    }

    static synchronized Api api() {
        suite();
        return api;
    }

    private RunningSuite() {
    }
}

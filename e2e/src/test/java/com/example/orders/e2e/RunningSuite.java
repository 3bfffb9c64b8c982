package com.example.orders.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The one suite of this test JVM: started by the first test class that asks for it, with {@code ./suite up}, and
 * stopped with {@code ./suite down} when the test run ends ({@link StopAtTheEnd}), or at the latest when the JVM does.
 * Every end-to-end class shares it, so the suite starts once.
 */
final class RunningSuite {

    /** Stops the suite when JUnit's launcher session closes, before the test JVM is asked to exit. */
    public static final class StopAtTheEnd implements LauncherSessionListener {

        @Override
        public void launcherSessionClosed(LauncherSession session) {
            stop();
        }
    }

    private static Suite suite;
    private static Api api;

    static synchronized Suite suite() {
        if (suite == null) {
            Runtime.getRuntime().addShutdownHook(new Thread(RunningSuite::stop));
            suite = new Suite();
            // even a failed up may have started some of it: stop() takes down whatever runs
            Suite.Result up = suite.up();
            assertThat(up.exitCode()).as(up.output()).isZero();
            api = new Api(suite);
        }
        return suite;
    }

    static synchronized void stop() {
        if (suite != null) {
            suite.down();
            suite = null;
            api = null;
        }
    }

    static synchronized Api api() {
        suite();
        return api;
    }

    private RunningSuite() {
    }
}

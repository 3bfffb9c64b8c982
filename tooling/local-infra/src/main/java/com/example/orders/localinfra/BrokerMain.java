package com.example.orders.localinfra;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;

/**
 * Entry point of a broker started for a test JVM: runs {@code kafka.Kafka} and exits when the JVM that started it goes
 * away (its end of our stdin closes), so a crashed or killed test run leaves no broker behind. Uses nothing but the
 * JDK, because it runs on the broker's own classpath.
 */
public final class BrokerMain {

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(() -> {
            try (InputStream parent = System.in) {
                while (parent.read() != -1) {
                    // nothing is ever sent; we only wait for end of stream
                }
            } catch (IOException ignored) {
                // a broken pipe means the same as end of stream
            }
            System.exit(0);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Method kafkaMain = Class.forName("kafka.Kafka").getMethod("main", String[].class);
        kafkaMain.invoke(null, (Object) args);
    }

    private BrokerMain() {
    }
}

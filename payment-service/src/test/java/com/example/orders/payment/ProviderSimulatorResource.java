package com.example.orders.payment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.example.orders.localinfra.FreePort;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points payment-service at a payment-provider simulator on a port of its own; {@link TestProvider} starts and stops
 * the simulator there, as the tests need (a stopped provider is an outage).
 */
public class ProviderSimulatorResource implements QuarkusTestResourceLifecycleManager {

    static final String PORT = "it.payment-provider.port";
    static final String DATA = "it.payment-provider.data";

    @Override
    public Map<String, String> start() {
        try {
            if (System.getProperty(PORT) == null) {
                System.setProperty(PORT, String.valueOf(FreePort.find()));
                System.setProperty(DATA, Files.createTempDirectory("payment-provider").toString());
            }
            return Map.of("payment.provider.url", "http://127.0.0.1:" + System.getProperty(PORT));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        // the tests start and stop the simulator (TestProvider); the JVM ends with them
    }

    static Path dataDirectory() {
        return Path.of(System.getProperty(DATA));
    }
}

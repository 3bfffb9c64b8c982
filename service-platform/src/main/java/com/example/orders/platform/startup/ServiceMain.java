package com.example.orders.platform.startup;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The entry point of every service. It differs from Quarkus' own in one way: a service that cannot start says why in
 * one line on stderr ({@code order-service cannot start: ...}) and exits with 1, instead of a page of stack trace. Set
 * {@code STARTUP_TRACE=true} to get the stack trace as well.
 */
@QuarkusMain
public class ServiceMain implements QuarkusApplication {

    public static void main(String... args) {
        Quarkus.run(ServiceMain.class, ServiceMain::exit, args);
    }

    @Override
    public int run(String... args) {
        Quarkus.waitForExit();
        return 0;
    }

    private static void exit(int code, Throwable failure) {
        if (failure != null) {
            String service = System.getProperty("quarkus.application.name", StartupFailure.serviceNameFromConfig());
            System.err.println(service + " cannot start: " + StartupFailure.describe(failure));
            if (Boolean.parseBoolean(System.getenv("STARTUP_TRACE"))) {
                failure.printStackTrace();
            }
            System.err.flush();
        }
        System.exit(code);
    }
}

package com.example.orders.testsupport;

import java.util.Map;

import com.example.orders.localinfra.ServiceDatabase;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a service under {@code @QuarkusTest} at this JVM's real broker and at its own real database. Declare it once
 * per service with
 * {@code @WithTestResource(value = RealInfrastructure.class, scope = GLOBAL, initArgs = @ResourceArg(name = "service",
 * value = "order-service"))}. Starting is cheap after the first time: the broker and server are shared by every Quarkus
 * start in the JVM and stop when it exits.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private String serviceName;

    @Override
    public void init(Map<String, String> initArgs) {
        serviceName = initArgs.get("service");
        if (serviceName == null) {
            throw new IllegalArgumentException("RealInfrastructure needs the init arg 'service'");
        }
    }

    @Override
    public Map<String, String> start() {
        ServiceDatabase database = TestInfrastructure.database(serviceName);
        return Map.of(
                "kafka.bootstrap.servers", TestInfrastructure.kafka().bootstrapServers(),
                "quarkus.datasource.reactive.url", database.url(),
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.user(),
                "quarkus.datasource.password", database.password(),
                // the key itself, not its location: in test mode Quarkus generates a key pair of its own otherwise,
                // and the key outranks a location
                "mp.jwt.verify.publickey", TestTokens.publicKeyPem(),
                "mp.jwt.verify.publickey.location", TestTokens.keys().publicKey().toString());
    }

    @Override
    public void stop() {
        // shared with later Quarkus starts in this JVM; stopped by a shutdown hook when the JVM exits
    }
}

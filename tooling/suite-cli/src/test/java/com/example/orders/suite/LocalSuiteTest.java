package com.example.orders.suite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalSuiteTest {

    @Test
    void aServicesJavaOptionsAreWhatComesBeforeItsJarWithoutTheArchivesPath() {
        String[] arguments = {"-Xmx384m", "-XX:+UseSerialGC", "-XX:SharedArchiveFile=/home/x/.suite/a.jsa",
                "-Xlog:cds=off", "-jar", "/repo/order-service/target/quarkus-app/quarkus-run.jar", "-Dnot=an-option"};

        assertThat(LocalSuite.javaOptionsOf(arguments))
                .isEqualTo("-Xmx384m -XX:+UseSerialGC -XX:SharedArchiveFile -Xlog:cds=off");
    }
}

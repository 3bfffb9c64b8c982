package com.example.orders.testsupport;

import org.testcontainers.DockerClientFactory;

/** Kept apart so Testcontainers' classes load only when a Docker endpoint exists. */
final class DockerProbe {

    static boolean engineAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private DockerProbe() {
    }
}

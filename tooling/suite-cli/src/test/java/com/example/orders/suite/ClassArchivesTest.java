package com.example.orders.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchivesTest {

    @TempDir
    Path home;

    private Path application;
    private Path archive;
    private final Instant built = Instant.parse("2026-12-03T10:00:00Z");

    @BeforeEach
    void aBuiltService() throws IOException {
        application = Files.createDirectories(home.resolve("quarkus-app/lib/main"));
        touch(home.resolve("quarkus-app/quarkus-run.jar"), built);
        touch(application.resolve("com.example.orders.service-platform.jar"), built);
        application = home.resolve("quarkus-app");
        archive = home.resolve("order-service.jsa");
    }

    @Test
    void noArchiveIsNotCurrent() {
        assertThat(ClassArchives.current(archive, application)).isFalse();
    }

    @Test
    void anArchiveWrittenAfterTheBuildIsCurrent() throws IOException {
        touch(archive, built.plusSeconds(60));

        assertThat(ClassArchives.current(archive, application)).isTrue();
    }

    @Test
    void aRebuiltLibraryMakesTheArchiveStale() throws IOException {
        touch(archive, built.plusSeconds(60));
        touch(application.resolve("lib/main/com.example.orders.service-platform.jar"), built.plusSeconds(120));

        assertThat(ClassArchives.current(archive, application)).isFalse();
    }

    private static void touch(Path file, Instant modified) throws IOException {
        if (!Files.exists(file)) {
            Files.writeString(file, "x");
        }
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }
}

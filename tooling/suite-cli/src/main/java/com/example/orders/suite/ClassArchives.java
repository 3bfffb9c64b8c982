package com.example.orders.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

/** Whether a service's class-data archive still matches the build it would be used with. */
final class ClassArchives {

    private ClassArchives() {
    }

    /**
     * @param application
     *            the service's {@code quarkus-app} directory: its runner jar and every jar it loads
     * @return the archive exists and is newer than every file of the application
     */
    static boolean current(Path archive, Path application) {
        if (!Files.isRegularFile(archive)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(application)) {
            FileTime archived = Files.getLastModifiedTime(archive);
            return files.filter(Files::isRegularFile).allMatch(file -> modified(file).compareTo(archived) < 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.example.orders.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The stand-ins' JSON (times as ISO-8601), in their HTTP answers and in the files they keep across restarts: one value
 * per line, appended as it happens and read back line by line, since a day of benchmarks writes more than a stand-in's
 * heap holds at once.
 */
final class JsonLines {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Appends {@code value} as one line, creating the file if need be; {@code options} add to CREATE and APPEND. */
    static void append(Path file, Object value, OpenOption... options) {
        List<OpenOption> open = new ArrayList<>(List.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        open.addAll(List.of(options));
        try {
            Files.writeString(file, JSON.writeValueAsString(value) + "\n", StandardCharsets.UTF_8,
                    open.toArray(OpenOption[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Hands each line's value to {@code each}, in the file's order; a file not written yet holds none. */
    static <T> void forEach(Path file, Class<T> type, Consumer<T> each) {
        if (!Files.exists(file)) {
            return;
        }
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    each.accept(JSON.readValue(line, type));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private JsonLines() {
    }
}

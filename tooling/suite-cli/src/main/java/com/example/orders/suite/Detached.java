package com.example.orders.suite;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.example.orders.localinfra.PidFile;

/**
 * Starts a component's process the way the launcher runs all of them: in a session of its own ({@code setsid}, so it
 * outlives the launcher), from the repository, with stdin closed and its output appended to its log; its PID goes to
 * its PID file.
 */
final class Detached {

    static void start(SuiteHome home, String name, PidFile pidFile, List<String> command,
            Map<String, String> environment) {
        List<String> detached = new ArrayList<>(List.of("setsid"));
        detached.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(detached)
                .directory(home.repository().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.log(name).toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        try {
            pidFile.write(builder.start().pid());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Detached() {
    }
}

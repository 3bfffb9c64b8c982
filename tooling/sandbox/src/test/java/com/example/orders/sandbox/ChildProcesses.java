package com.example.orders.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A stand-in started as {@code ./suite up} starts it, in a JVM of its own. */
final class ChildProcesses {

    /** Starts {@code main} in a JVM of its own with the options {@code ./suite up} gives a stand-in. */
    static Process startAsTheSuiteDoes(Class<?> main, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(StandIns.JAVA_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /**
     * The port a child prints once it listens ({@code listening}'s first group), within {@code atMost}: a child out of
     * memory at start keeps running without ever listening, and a test must fail then, not wait for ever.
     */
    static int portOnceListening(Process child, Pattern listening, Duration atMost) throws Exception {
        List<String> seen = new ArrayList<>();
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8));
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    synchronized (seen) {
                        seen.add(line);
                    }
                    Matcher matcher = listening.matcher(line);
                    if (matcher.find()) {
                        return Integer.parseInt(matcher.group(1));
                    }
                }
                return -1;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            int found = port.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
            if (found < 0) {
                throw new AssertionError("the child exited before it listened: " + output(seen));
            }
            return found;
        } catch (TimeoutException e) {
            throw new AssertionError("the child did not listen within " + atMost + ": " + output(seen));
        }
    }

    private static String output(List<String> seen) {
        synchronized (seen) {
            return String.join("\n", seen.subList(0, Math.min(seen.size(), 20)));
        }
    }

    private ChildProcesses() {
    }
}

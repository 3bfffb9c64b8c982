package com.example.orders.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

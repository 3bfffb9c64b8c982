package com.example.orders.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The PID of a process the launcher started, and how to stop it: SIGTERM, then a bounded wait. A PID is only trusted
 * while the process it names still runs the command the launcher started (PIDs get reused).
 */
public record PidFile(Path file, String commandMarker) {

    public void write(long pid) {
        try {
            Files.writeString(file, Long.toString(pid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<ProcessHandle> process() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(file).get(0).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(commandMarker)).orElse(true));
        } catch (IOException | RuntimeException e) {
            // unreadable or half-written: no process we can vouch for
            return Optional.empty();
        }
    }

    /** @return true if a process was stopped, false if none ran */
    public boolean stop(Duration grace) {
        Optional<ProcessHandle> running = process();
        running.ifPresent(process -> terminate(process, grace));
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return running.isPresent();
    }

    private static void terminate(ProcessHandle process, Duration grace) {
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            System.err.println("pid " + process.pid() + " ignored SIGTERM for " + grace.toSeconds()
                    + " s; killing it");
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.example.orders.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the figures were measured on, read off this machine. */
final class Machine {

    private Machine() {
    }

    static List<String> describe(String serviceJavaOptions) {
        List<String> lines = new ArrayList<>();
        lines.add("CPU: " + Runtime.getRuntime().availableProcessors() + " cores available, "
                + firstValue("/proc/cpuinfo", "model name").orElse("model unknown"));
        firstValue("/proc/meminfo", "MemTotal").ifPresent(total -> lines.add(String.format(Locale.ROOT,
                "memory: %.1f GiB", Long.parseLong(total.replaceAll("\\D+", "")) / 1024.0 / 1024.0)));
        lines.add("OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        lines.add("JVM (this tool; the services run on the same): " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version"));
        lines.add("services' JVM options: " + serviceJavaOptions);
        return lines;
    }

    private static java.util.Optional<String> firstValue(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}

package com.example.orders.e2e;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of a service's {@code /q/metrics} (Prometheus text format): its samples, summed by name and labels. */
final class Metrics {

    /** {@code name{labels} value}, maybe followed by an exemplar ({@code # {trace_id="…"} 1.0 …}). */
    private static final Pattern SAMPLE = Pattern.compile(
            "^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{([^}]*)})? (\\S+)(?: # .*)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private Metrics(List<Sample> samples) {
        this.samples = samples;
    }

    static Metrics parse(String text) {
        return new Metrics(text.lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(SAMPLE::matcher)
                .filter(Matcher::matches)
                .map(sample -> new Sample(sample.group(1), labels(sample.group(2)),
                        Double.parseDouble(sample.group(3))))
                .toList());
    }

    /** The sum of the samples of {@code name} whose labels include {@code labels}; 0 when there are none. */
    double sum(String name, Map<String, String> labels) {
        return samples.stream()
                .filter(sample -> sample.name().equals(name))
                .filter(sample -> sample.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Sample::value)
                .sum();
    }

    /** Whether any sample of {@code name} carries every one of {@code labelNames}. */
    boolean has(String name, String... labelNames) {
        return samples.stream().anyMatch(sample -> sample.name().equals(name)
                && sample.labels().keySet().containsAll(List.of(labelNames)));
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new HashMap<>();
        if (text != null) {
            Matcher label = LABEL.matcher(text);
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return labels;
    }
}

package com.example.orders.sandbox;

import java.util.HashMap;
import java.util.Map;

/** The stand-ins' command lines: {@code --name value} pairs, each with a default. */
final class Options {

    private final Map<String, String> values = new HashMap<>();

    private Options(String[] args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("options come in pairs (--name value): " + String.join(" ", args));
        }
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("not an option: " + args[i]);
            }
            values.put(args[i], args[i + 1]);
        }
    }

    static Options parse(String[] args) {
        return new Options(args);
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int port(String name, int fallback) {
        return Integer.parseInt(get(name, Integer.toString(fallback)));
    }
}

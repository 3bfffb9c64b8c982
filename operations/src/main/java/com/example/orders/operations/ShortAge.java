package com.example.orders.operations;

import java.time.Duration;

/** An age as an operator reads it at a glance, in a table or on a page. */
public final class ShortAge {

    /** A short age: 42s, 5m07s, 3h12m, 2d04h. */
    public static String of(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format("%dm%02ds", seconds / 60, seconds % 60);
        }
        if (seconds < 86_400) {
            return String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return String.format("%dd%02dh", seconds / 86_400, seconds % 86_400 / 3600);
    }

    private ShortAge() {
    }
}

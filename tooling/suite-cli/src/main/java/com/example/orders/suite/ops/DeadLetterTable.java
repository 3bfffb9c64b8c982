package com.example.orders.suite.ops;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** {@code ./suite dlq list}: one line per dead letter, the reason last because it is the longest. */
public final class DeadLetterTable {

    private static final String FORMAT = "%-36s  %-28s  %-36s  %-38s  %6s  %-8s  %s%n";

    public static void print(List<DeadLetters.DeadLetter> letters, Instant now, PrintWriter out) {
        out.printf(FORMAT, "CE_ID", "TYPE", "ORDER", "FROM (TOPIC/PARTITION@OFFSET)", "AGE", "STATE", "REASON");
        for (DeadLetters.DeadLetter letter : letters) {
            out.printf(FORMAT, letter.ceId().orElse("-"), letter.type(), letter.orderId(), letter.origin(),
                    age(Duration.between(letter.diedAt(), now)), letter.redriven() ? "REDRIVEN" : "PENDING",
                    letter.reason().replace('\n', ' '));
        }
        long pending = letters.stream().filter(letter -> !letter.redriven()).count();
        out.printf("%d dead letters, %d pending%n", letters.size(), pending);
    }

    /** A short age: 42s, 5m07s, 3h12m, 2d04h. */
    static String age(Duration age) {
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

    private DeadLetterTable() {
    }
}

package com.example.orders.suite.ops;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.example.orders.operations.DeadLetters;
import com.example.orders.operations.ShortAge;

/** {@code ./suite dlq list}: one line per dead letter, the reason last because it is the longest. */
public final class DeadLetterTable {

    private static final String FORMAT = "%-36s  %-28s  %-36s  %-38s  %6s  %-8s  %s%n";

    public static void print(List<DeadLetters.DeadLetter> letters, Instant now, PrintWriter out) {
        out.printf(FORMAT, "CE_ID", "TYPE", "ORDER", "FROM (TOPIC/PARTITION@OFFSET)", "AGE", "STATE", "REASON");
        for (DeadLetters.DeadLetter letter : letters) {
            out.printf(FORMAT, letter.ceId().orElse("-"), letter.type(), letter.orderId(), letter.origin(),
                    ShortAge.of(Duration.between(letter.diedAt(), now)), letter.redriven() ? "REDRIVEN" : "PENDING",
                    letter.reason().replace('\n', ' '));
        }
        long pending = letters.stream().filter(letter -> !letter.redriven()).count();
        out.printf("%d dead letters, %d pending%n", letters.size(), pending);
    }

    private DeadLetterTable() {
    }
}

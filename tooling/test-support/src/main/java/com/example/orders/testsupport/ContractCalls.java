package com.example.orders.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.example.orders.localinfra.RepositoryLayout;

/** The table of HTTP calls in docs/contract.md §2, as the services' OpenAPI documents must list them. */
public final class ContractCalls {

    /** A row's call: {@code GET /api/orders/{orderId}}, its query left out. */
    public record Call(String method, String path) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Pattern ROW = Pattern.compile("^\\| `(GET|POST|PUT|DELETE|PATCH) (/[^`?\\s]*)");

    /** Every call of the table, in its order. */
    public static List<Call> read() {
        return parse(RepositoryLayout.root().resolve(Path.of("docs", "contract.md")));
    }

    static List<Call> parse(Path contract) {
        List<String> lines;
        try {
            lines = Files.readAllLines(contract);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Call> calls = new ArrayList<>();
        boolean inHttpSection = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                inHttpSection = line.startsWith("## 2.");
            } else if (inHttpSection) {
                Matcher row = ROW.matcher(line);
                if (row.find()) {
                    calls.add(new Call(row.group(1), row.group(2)));
                }
            }
        }
        if (calls.isEmpty()) {
            throw new IllegalStateException("no calls found in §2 of " + contract + ": has its table moved?");
        }
        return calls;
    }

    private ContractCalls() {
    }
}

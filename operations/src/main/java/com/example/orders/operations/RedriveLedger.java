package com.example.orders.operations;

import java.util.Arrays;
import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * Which records of one dead-letter partition were re-driven, kept where Kafka keeps a consumer's progress: the
 * committed offset of the group {@code <group>.dlq-redrive} (everything below it was re-driven) and, in the commit's
 * metadata, the offsets above it that were re-driven one by one ({@code --id}). A record that fails again after a
 * redrive comes back as a new record above every mark, so it is pending once more, and a redrive that has started never
 * re-drives what arrives while it runs: the dead letters cannot loop.
 */
record RedriveLedger(long next, SortedSet<Long> redrivenAbove) {

    private static final String PREFIX = "redriven=";

    RedriveLedger {
        redrivenAbove = new TreeSet<>(redrivenAbove);
        while (redrivenAbove.remove(next)) {
            next++;
        }
        long floor = next;
        redrivenAbove.removeIf(offset -> offset < floor);
    }

    static RedriveLedger from(OffsetAndMetadata committed) {
        if (committed == null) {
            return new RedriveLedger(0, new TreeSet<>());
        }
        String metadata = committed.metadata();
        SortedSet<Long> above = new TreeSet<>();
        if (metadata != null && metadata.startsWith(PREFIX) && metadata.length() > PREFIX.length()) {
            Arrays.stream(metadata.substring(PREFIX.length()).split(",")).map(Long::parseLong).forEach(above::add);
        }
        return new RedriveLedger(committed.offset(), above);
    }

    boolean isRedriven(long offset) {
        return offset < next || redrivenAbove.contains(offset);
    }

    RedriveLedger with(Collection<Long> offsets) {
        SortedSet<Long> above = new TreeSet<>(redrivenAbove);
        above.addAll(offsets);
        return new RedriveLedger(next, above);
    }

    OffsetAndMetadata toCommit() {
        return new OffsetAndMetadata(next, redrivenAbove.isEmpty()
                ? ""
                : PREFIX + redrivenAbove.stream()
                        .map(String::valueOf).collect(Collectors.joining(",")));
    }
}

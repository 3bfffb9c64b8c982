package com.example.orders.console.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Replays run by a consumer group's own running service ({@code /ops/replays}), as {@code ./suite replay} has them run:
 * the service feeds a window of its topics through its live consumer's code and skips what it applied before. Calls
 * block; each throws {@link OperationNotDone} when it cannot be done.
 */
public interface GroupReplays {

    /** Where the window starts. */
    sealed interface From {
    }

    record Earliest() implements From {
    }

    record AtTime(Instant time) implements From {
    }

    record AtOffset(long offset) implements From {
    }

    /**
     * One partition's replay so far: {@code records} of {@code to - from} read; of those, applied before (skipped),
     * applied now, sent to the dead-letter topic, or not events of the contract at all.
     */
    record PartitionProgress(String topic, int partition, long from, long to, long records, long alreadyApplied,
            long appliedNow, long deadLettered, long notEvents) {

        /** What a dry run says would be applied: read, and neither applied before nor unreadable. */
        public long wouldApply() {
            return records - alreadyApplied - notEvents;
        }
    }

    record Progress(String id, String group, String state, Optional<String> error, boolean dryRun, boolean rebuild,
            Instant startedAt, Optional<Instant> finishedAt, List<PartitionProgress> partitions) {

        public boolean running() {
            return state.equals("RUNNING");
        }
    }

    /** The groups whose services the console can ask to replay: those of {@code console.services}. */
    List<String> groups();

    /**
     * @param operatorToken
     *            the operator's own token: the service checks that an admin asks, and logs who
     */
    Progress start(String group, Optional<String> topic, From from, Optional<Instant> to, boolean dryRun,
            boolean rebuild, String operatorToken);

    Progress progress(String group, String id, String operatorToken);
}

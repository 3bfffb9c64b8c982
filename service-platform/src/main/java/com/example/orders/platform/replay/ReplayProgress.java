package com.example.orders.platform.replay;

/** Counters of one partition's replay, written by the replay thread only and read by whoever asks for a report. */
final class ReplayProgress {

    final Replays.Window window;
    volatile long records;
    volatile long alreadyApplied;
    volatile long appliedNow;
    volatile long deadLettered;
    volatile long notEvents;

    ReplayProgress(Replays.Window window) {
        this.window = window;
    }

    Replays.PartitionReport report() {
        return new Replays.PartitionReport(window.topic(), window.partition(), window.from(), window.to(), records,
                alreadyApplied, appliedNow, deadLettered, notEvents);
    }
}

package com.example.orders.console.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The replays page's work: a dry run of a window for a group (per partition: applied before, would apply), the replay
 * itself, and its progress. Replaying repeats no effect: every consumer skips the events it applied before.
 */
@ApplicationScoped
public class ReplayingWindows {

    private final GroupReplays replays;

    ReplayingWindows(GroupReplays replays) {
        this.replays = replays;
    }

    public List<String> groups() {
        return replays.groups();
    }

    public GroupReplays.Progress start(String group, Optional<String> topic, GroupReplays.From from,
            Optional<Instant> to, boolean dryRun, boolean rebuild, String operatorToken) {
        if (!replays.groups().contains(group)) {
            throw new OperationNotDone("the console knows no service of group " + group + "; it knows "
                    + replays.groups(), null);
        }
        if (rebuild && dryRun) {
            throw new OperationNotDone("a dry run rebuilds nothing: run the dry run, then the rebuild", null);
        }
        return replays.start(group, topic.filter(name -> !name.isBlank()), from, to, dryRun, rebuild,
                operatorToken);
    }

    public GroupReplays.Progress progress(String group, String id, String operatorToken) {
        return replays.progress(group, id, operatorToken);
    }
}

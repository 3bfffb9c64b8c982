package com.example.orders.suite;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.example.orders.operations.Replay;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./suite replay}: a window of a consumer group's topics delivered again, nothing applied twice. */
@Command(name = "replay", mixinStandardHelpOptions = true, description = "Re-delivers a window of the topics a consumer group reads (all of them, "
        + "or --topic). A running group's service replays it beside its live consumers; a stopped group's "
        + "offsets are moved back. Either way the consumer skips what it applied before: no effect repeats, no "
        + "email or charge is sent again.")
final class ReplayCommand implements Callable<Integer> {

    private final Launcher launcher;

    @Option(names = "--group", required = true, description = "the consumer group, e.g. inventory-service")
    String group;

    @Option(names = "--topic", description = "only this topic (default: every topic the group consumes)")
    String topic;

    @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    Start start;

    static final class Start {

        @Option(names = "--from", paramLabel = "TIME|earliest", description = "an ISO-8601 time with its "
                + "offset (2026-11-23T02:00:00Z), or earliest")
        String from;

        @Option(names = "--from-offset", paramLabel = "N", description = "this offset of every partition")
        Long offset;
    }

    @Option(names = "--to", paramLabel = "TIME", description = "up to this time (default: the end now); needs "
            + "the group's service running")
    String to;

    @Option(names = "--dry-run", description = "only count, per partition, what would be re-delivered and what "
            + "the consumer applied before")
    boolean dryRun;

    @Option(names = "--rebuild", description = "empty the group's read model first (analytics-service), then "
            + "replay from earliest to rebuild it")
    boolean rebuild;

    @Option(names = "--service-url", paramLabel = "URL", description = "one instance of the group's service, "
            + "when it does not run in this suite (default: the suite's own)")
    URI serviceUrl;

    @Option(names = "--wait", defaultValue = "PT30M", description = "how long to wait for a running service's "
            + "replay (default: ${DEFAULT-VALUE})")
    Duration patience;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    ReplayCommand(Launcher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        Replay.From from = start.offset != null
                ? new Replay.From.AtOffset(start.offset)
                : start.from.equals("earliest")
                        ? new Replay.From.Earliest()
                        : new Replay.From.AtTime(time(
                                "--from", start.from));
        if (rebuild && !(from instanceof Replay.From.Earliest)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--rebuild replays everything: use it with --from earliest");
        }
        Replay.Request request = new Replay.Request(group, Optional.ofNullable(topic), from,
                Optional.ofNullable(to).map(value -> time("--to", value)), dryRun, rebuild);
        try (Replay replay = new Replay(launcher.brokerForOperations())) {
            Optional<Replay.ServiceOperations> service = Optional.empty();
            if (replay.isActive(group)) {
                service = Optional.of(launcher.operationsOf(group, Optional.ofNullable(serviceUrl), patience));
            }
            replay.run(request, service, spec.commandLine().getOut());
        }
        return 0;
    }

    private Instant time(String option, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " " + value + " is not an "
                    + "ISO-8601 time with an offset, e.g. 2026-11-23T02:00:00Z");
        }
    }
}

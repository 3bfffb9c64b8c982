package com.example.orders.events;

/**
 * The headers a dead letter carries beside the original record's own (docs/contract.md §3): the names SmallRye's
 * dead-letter strategy writes, which every consumer of the suite writes alike (the platform's {@code DeadLetters}) so
 * that {@code ./suite dlq}, the operator console and new teams read and re-drive every letter the same way. The letter
 * goes to its group's {@link Topics#deadLetterTopicOf dead-letter topic}.
 */
public final class DeadLetterHeaders {

    /** Every dead-letter header starts with this; a re-drive drops them all. */
    public static final String PREFIX = "dead-letter-";
    /** Why the record can never succeed, in words. */
    public static final String REASON = PREFIX + "reason";
    public static final String EXCEPTION_CLASS = PREFIX + "exception-class-name";
    /** Where the record was read: its topic, partition and offset. */
    public static final String TOPIC = PREFIX + "topic";
    public static final String PARTITION = PREFIX + "partition";
    public static final String OFFSET = PREFIX + "offset";

    private DeadLetterHeaders() {
    }
}

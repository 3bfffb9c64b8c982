package com.example.orders.platform.outbox;

import com.example.orders.events.EventType;

/**
 * The next version of an event, a breaking change of its payload, published beside the version it replaces while that
 * version's consumers move (docs/adding-a-consumer.md, "Changing a schema"). A producing service declares one as a CDI
 * bean; {@link OutboxRelay} then publishes every outbox row of {@link #replaces()} twice: as it was appended, on its
 * topic, and as {@link #translate} shapes it, on {@link #topic()}, both with the row's ce_id, subject, correlation,
 * causation and time, and deletes the row only once the broker has acknowledged both. One commit, so one fact, goes out
 * in both versions or in neither; a consumer moving from one to the other de-duplicates on the ce_id as it always does.
 * <p>
 * The next version carries nothing the one it replaces lacks, only in another shape (renamed, retyped, restructured):
 * information a consumer needs first goes into the current version as an optional field, an additive change, and from
 * there into the next one.
 */
public interface NextVersion<P extends Record, N extends Record> {

    /** The event this version replaces. */
    EventType replaces();

    /** The topic this version travels on, the replaced one's with the next version number: {@code ...v2}. */
    String topic();

    /** Its ce_type, the replaced one's with the next version number: {@code orders.OrderConfirmed.v2}. */
    String ceType();

    /** The fact in this version's shape. */
    N translate(P previous);
}

-- ${artifactId}'s own table, in its own database: one row per confirmed order it received. Replace it with what your
-- service keeps. The platform's migrations (db/platform: applied_events, outbox) run beside these: number yours with
-- versions of your own (a date and .100 upwards), never one of theirs.
create table received_order (
    order_id     varchar(64)  primary key,
    customer_id  varchar(64)  not null,
    -- the ce_id of the event that made the row; the platform's applied_events, written in the same transaction, is
    -- what keeps a redelivered or replayed event from being applied again
    event_id     varchar(64)  not null,
    received_at  timestamptz  not null
);

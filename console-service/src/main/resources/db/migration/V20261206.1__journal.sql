-- console-service's journal: every event of every order, as it travelled (its envelope, where it was read, its
-- payload), folded from the topics only, so it can be rebuilt (./suite replay --group console-service --from earliest
-- --rebuild). One row per event: a redelivered or replayed event is the same ce_id, and the platform's applied_events,
-- written in the same transaction, keeps it from a second row.
create table journal_event (
    event_id        varchar(64)  primary key,
    order_id        varchar(64)  not null,
    fact            varchar(32)  not null,
    ce_type         varchar(80)  not null,
    producer        varchar(80)  not null,
    occurred_at     timestamptz  not null,
    correlation_id  varchar(128) not null,
    causation_id    varchar(128),
    trace_id        varchar(32),
    topic           varchar(120) not null,
    kafka_partition integer      not null,
    kafka_offset    bigint       not null,
    payload         text         not null,
    received_at     timestamptz  not null
);

create index journal_event_order on journal_event (order_id, occurred_at);

-- one row per order: who placed it, when, and where its saga stands, as its events tell it
create table journal_order (
    order_id     varchar(64)  primary key,
    customer_id  varchar(64),
    placed_at    timestamptz,
    -- PENDING, STOCK_RESERVED, PAID, CONFIRMED or CANCELLED
    state        varchar(16)  not null,
    -- the reason of a cancel, as OrderCancelled gives it
    reason       varchar(32),
    ended_at     timestamptz,
    updated_at   timestamptz  not null
);

create index journal_order_customer on journal_order (customer_id, placed_at);
create index journal_order_open on journal_order (placed_at) where ended_at is null;
create index journal_order_ended on journal_order (ended_at) where ended_at is not null;

-- The payment of each order payment-service has heard of. A row per order: whatever arrives twice, or in any order,
-- lands on the same payment, so it is captured once.
create table payment (
    order_id         varchar(64)   primary key,
    status           varchar(16)   not null,
    payment_token    varchar(128),
    amount           numeric,
    currency         varchar(3),
    capture_id       varchar(128),
    refund_id        varchar(128),
    -- the saga, and the event that made the pending provider call due (the cause of what it will emit)
    correlation_id   varchar(64)   not null,
    cause_id         varchar(64),
    traceparent      varchar(128),
    due_since        timestamptz,
    next_attempt_at  timestamptz,
    attempts         integer       not null,
    -- a worker calling the provider for this payment holds it until then; another takes it over after
    leased_until     timestamptz,
    updated_at       timestamptz   not null,
    version          bigint        not null
);

create index payment_due on payment (next_attempt_at) where status in ('CAPTURING', 'REFUNDING');

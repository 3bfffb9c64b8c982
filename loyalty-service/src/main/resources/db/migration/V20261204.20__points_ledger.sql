-- loyalty-service's ledger: one entry per order outcome it applied (points granted for a confirmed order, taken back
-- for a cancel after a confirm, none earned for an order cancelled before). A customer's balance is the sum of their
-- entries. event_id is the ce_id of the fact that made the entry; the platform's applied_events table, written in the
-- same transaction, is what keeps a redelivered or replayed fact from making a second one. Everything here is folded
-- from the topics and can be rebuilt (./suite replay --group loyalty-service --from earliest --rebuild).
create table points_entry (
    id           bigserial    primary key,
    order_id     varchar(64)  not null,
    customer_id  varchar(64)  not null,
    -- GRANTED, REVOKED or NONE_EARNED
    kind         varchar(16)  not null,
    points       bigint       not null,
    event_id     varchar(64)  not null,
    recorded_at  timestamptz  not null
);

create index points_entry_order on points_entry (order_id);
create index points_entry_customer on points_entry (customer_id, id);

-- The catalogue: what is on the shelf (available) and what is held for orders not settled yet (reserved). The checks
-- are the last line of defence: a bug that would oversell fails its transaction instead.
create table stock_item (
    sku         varchar(64)  primary key,
    available   integer      not null check (available >= 0),
    reserved    integer      not null check (reserved >= 0),
    unit_price  numeric      not null check (unit_price >= 0),
    currency    varchar(3)   not null,
    updated_at  timestamptz  not null,
    version     bigint       not null
);

-- What inventory decided for each order it saw: units held (HELD, then COMMITTED or RELEASED) or nothing (REJECTED).
-- One row per order: an order is decided once, whatever event id it arrives under.
create table reservation (
    order_id       varchar(64)  primary key,
    state          varchar(16)  not null,
    lines          jsonb        not null,
    created_at     timestamptz  not null,
    ended_at       timestamptz,
    version        bigint       not null
);

-- Cancels that arrived before their order: the late OrderCreated is rejected, not reserved. Kept for a configured
-- time (inventory.early-cancel-memory).
create table early_cancel (
    order_id     varchar(64)  primary key,
    cancelled_at timestamptz  not null
);

create index early_cancel_age on early_cancel (cancelled_at);

-- An order and its saga. Items and timeline are small, always read with the order, and only ever written with it,
-- so they live in the order's row (jsonb) and change atomically with its status.
create table orders (
    id              varchar(64)    primary key,
    customer_id     varchar(128)   not null,
    customer_email  varchar(320),
    payment_token   varchar(128)   not null,
    placed_at       timestamptz    not null,
    status          varchar(32)    not null,
    reason          varchar(32),
    total_amount    numeric,
    total_currency  varchar(3),
    correlation_id  varchar(64)    not null,
    items           jsonb          not null,
    timeline        jsonb          not null,
    version         bigint         not null
);

create index orders_customer on orders (customer_id);
create index orders_open on orders (placed_at) where status in ('PENDING', 'STOCK_RESERVED');

-- One row per (customer, Idempotency-Key): the same key and body return the same order.
create table order_request (
    customer_id     varchar(128)   not null,
    idempotency_key varchar(128)   not null,
    request_hash    varchar(64)    not null,
    order_id        varchar(64)    not null references orders (id),
    created_at      timestamptz    not null default now(),
    primary key (customer_id, idempotency_key)
);

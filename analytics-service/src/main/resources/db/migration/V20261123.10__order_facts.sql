-- The analytics read model: one row per order, folded from the order topics in whatever order they arrive. The
-- summary is computed from it on request. Everything here can be rebuilt from the topics (./suite replay --rebuild).
create table order_fact (
    order_id      varchar(64)  primary key,
    placed_at     timestamptz,
    -- PENDING until an outcome arrives; CONFIRMED and CANCELLED are final and never overwritten
    status        varchar(16)  not null,
    reason        varchar(32),
    total_amount  numeric,
    currency      varchar(3),
    -- {"lines":[{"sku","quantity"}]} from OrderCreated; null until it arrives
    lines         jsonb
);

create index order_fact_status on order_fact (status);

-- Stuck-saga deadlines. The order's OrderCreated envelope (id and time) is kept so a deadline can send the very same
-- event again (consumers that applied it skip it by its ce_id); orders placed before this column existed have none.
alter table orders add column created_event_id   varchar(64);
alter table orders add column created_event_time timestamptz;
-- When the order was found overdue (its timeline says so too): found once, then given up on at the second deadline.
alter table orders add column overdue_at         timestamptz;

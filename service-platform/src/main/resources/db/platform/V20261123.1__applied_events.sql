-- The inbox of an idempotent consumer: one row per CloudEvent applied, written in the same transaction as the
-- event's effect. A redelivered or replayed event finds its row and changes nothing.
create table applied_event (
    event_id   varchar(64)  primary key,
    event_type varchar(128) not null,
    subject    varchar(64)  not null,
    applied_at timestamptz  not null default now()
);

create index applied_event_subject on applied_event (subject);

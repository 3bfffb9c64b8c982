-- The transactional outbox: an event row commits in the same transaction as the state change that produced it, and
-- the relay publishes rows to Kafka in position order, then deletes them. Nothing is lost between the two.
create table outbox_event (
    position       bigserial    primary key,
    event_id       varchar(64)  not null unique,
    event_type     varchar(128) not null,
    source         varchar(128) not null,
    subject        varchar(64)  not null,
    correlation_id varchar(64)  not null,
    causation_id   varchar(64),
    traceparent    varchar(128),
    occurred_at    timestamptz  not null,
    payload        text         not null
);

-- Wakes the relay when an append commits (NOTIFY is delivered at commit), so publishing does not wait for a timer.
create function outbox_event_appended() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox_event', '');
    return null;
end
$$;

create trigger outbox_event_appended after insert on outbox_event
    for each statement execute function outbox_event_appended();

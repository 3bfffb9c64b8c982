-- One row per fact worth an email: written with the fact's applied_event row, sent by the mail worker, kept as the
-- log served at /api/notifications. The unique (order, kind) makes a second email for the same fact impossible,
-- whatever arrives twice or is replayed.
create table notification (
    id              varchar(64)   primary key,
    order_id        varchar(64)   not null,
    kind            varchar(32)   not null,
    recipient       varchar(320)  not null,
    subject         varchar(256)  not null,
    body            text          not null,
    event_id        varchar(64)   not null,
    created_at      timestamptz   not null,
    sent_at         timestamptz,
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    leased_until    timestamptz,
    last_error      varchar(512),
    unique (order_id, kind)
);

create index notification_unsent on notification (next_attempt_at) where sent_at is null;

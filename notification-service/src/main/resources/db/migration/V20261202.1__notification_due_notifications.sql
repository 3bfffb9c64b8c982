-- Wakes the mail worker when an email is written (NOTIFY is delivered at commit), instead of at its next look
-- (CommitNotifications).
create function notification_written() returns trigger language plpgsql as $$
begin
    perform pg_notify('notification_due', '');
    return null;
end;
$$;

create trigger notification_written after insert on notification
    for each statement execute function notification_written();

-- Wakes the provider-call dispatcher when a payment becomes due (a capture to make, a refund to make): NOTIFY is
-- delivered at commit, so the call is made at once instead of at the dispatcher's next look (CommitNotifications).
create function payment_became_due() returns trigger language plpgsql as $$
begin
    perform pg_notify('payment_due', '');
    return null;
end;
$$;

create trigger payment_became_due after insert or update of status on payment
    for each row when (new.status in ('CAPTURING', 'REFUNDING'))
    execute function payment_became_due();

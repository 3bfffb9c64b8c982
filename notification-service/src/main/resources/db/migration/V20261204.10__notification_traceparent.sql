-- The trace of the event's handling that wrote a notification, so its mail is sent in the order's trace.
alter table notification add column traceparent varchar(128);

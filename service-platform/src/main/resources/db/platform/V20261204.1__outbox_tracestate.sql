-- The trace state beside the trace parent of the work that appended a row, so the relay's publish continues the trace
-- with the vendor state it carries (null when it carries none).
alter table outbox_event add column tracestate varchar(512);

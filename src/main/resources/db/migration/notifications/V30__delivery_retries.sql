-- Deliveries are retried with back-off and end as sent or dead, never lost (ADR 0034). A delivery keeps its
-- address and rendered text, SM4-sealed with the field key (bound to the row), until it is sent, so that a retry
-- sends what the first attempt would have; secrets (one-time codes) keep neither and are not retried: the person
-- asks for a new code. The address column stays the masked evidence.
alter table notifications.delivery add column target_enc bytea;
alter table notifications.delivery add column text_enc bytea;
alter table notifications.delivery add column attempts integer not null default 0;
alter table notifications.delivery add column next_attempt_at timestamptz;
alter table notifications.delivery add column last_error text;
alter table notifications.delivery add column sent_at timestamptz;
alter table notifications.delivery add column secret boolean not null default false;
-- Old rows: SENT, FAILED, NO_SENDER stay as they were; nothing of theirs is due.
create index delivery_due on notifications.delivery (next_attempt_at) where status = 'FAILED';
create index delivery_by_status on notifications.delivery (status, created_at desc);

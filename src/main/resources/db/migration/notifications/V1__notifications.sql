create schema if not exists notifications;

-- The message centre: what each account has been told, in-app. Texts are stored as a message key and arguments,
-- so that each reader sees them in their own language.
create table notifications.message (
    id           uuid primary key,
    recipient    uuid        not null,
    template_key text        not null,
    args         text        not null,
    created_at   timestamptz not null,
    read_at      timestamptz
);
create index message_by_recipient on notifications.message (recipient, created_at desc);

-- What was handed to an outside channel (SMS, e-mail): the evidence that a code or notice was sent.
create table notifications.delivery (
    id          uuid primary key,
    message_id  uuid        not null references notifications.message (id),
    channel     text        not null,
    address     text        not null,
    status      text        not null,
    created_at  timestamptz not null
);

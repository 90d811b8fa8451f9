create schema if not exists notices;

-- A notice (通知公告) from an official of a department to chosen departments (ADR 0045). The recipients are the
-- officials of those departments when it is sent, one row each, with the time each first opened it (read receipt).
create table notices.notice (
    id                uuid        primary key,
    sender            uuid        not null,
    sender_department text        not null,
    title             text        not null check (length(title) between 1 and 80),
    body              text        not null check (length(body) between 1 and 5000),
    reply_by          date,
    sent_at           timestamptz not null
);
create index notice_by_sender on notices.notice (sender, sent_at desc);

create table notices.notice_department (
    notice_id       uuid not null references notices.notice (id),
    department_code text not null,
    primary key (notice_id, department_code)
);

create table notices.notice_recipient (
    notice_id       uuid        not null references notices.notice (id),
    account_id      uuid        not null,
    department_code text        not null,
    read_at         timestamptz,
    reminded_at     timestamptz,
    primary key (notice_id, account_id)
);
-- The to-do and "my notices": an official's unread notices.
create index notice_recipient_by_account on notices.notice_recipient (account_id, read_at);

-- A meeting notice (会议通知): time, place or online link, agenda; cancelled with a reason.
create table notices.meeting (
    id                   uuid        primary key,
    organiser            uuid        not null,
    organiser_department text        not null,
    title                text        not null check (length(title) between 1 and 80),
    starts_at            timestamptz not null,
    ends_at              timestamptz not null,
    place                text,
    online_link          text,
    agenda               text        not null check (length(agenda) <= 5000),
    status               text        not null check (status in ('SCHEDULED', 'CANCELLED')),
    cancel_reason        text,
    created_at           timestamptz not null,
    cancelled_at         timestamptz,
    check (ends_at > starts_at),
    check (place is not null or online_link is not null)
);
create index meeting_by_organiser on notices.meeting (organiser, starts_at desc);
create index meeting_by_start on notices.meeting (status, starts_at);

-- An invitee and the reply: 参加 (ATTEND), 委托 (DELEGATE, naming a colleague who becomes an invitee) or 请假
-- (DECLINE, with a reason). delegated_by: the invitee who named this one.
create table notices.meeting_invitee (
    meeting_id      uuid        not null references notices.meeting (id),
    account_id      uuid        not null,
    department_code text        not null,
    reply           text check (reply in ('ATTEND', 'DELEGATE', 'DECLINE')),
    reason          text,
    delegate        uuid,
    delegated_by    uuid,
    replied_at      timestamptz,
    invited_at      timestamptz not null,
    primary key (meeting_id, account_id)
);
create index meeting_invitee_by_account on notices.meeting_invitee (account_id, reply);

-- The reminders sent before a meeting, one row per kind: the primary key makes each one go out once, whatever
-- how many times (or on how many nodes) the job runs.
create table notices.meeting_reminder (
    meeting_id uuid        not null references notices.meeting (id),
    kind       text        not null check (kind in ('DAY', 'HOUR')),
    sent_at    timestamptz not null,
    recipients integer     not null,
    primary key (meeting_id, kind)
);

-- Attachments of a notice or a meeting, their type read from the content.
create table notices.attachment (
    id         uuid        primary key,
    owner_kind text        not null check (owner_kind in ('NOTICE', 'MEETING')),
    owner_id   uuid        not null,
    name       text        not null,
    type       text        not null,
    size       integer     not null,
    sm3        text        not null,
    content    bytea       not null,
    added_at   timestamptz not null
);
create index attachment_by_owner on notices.attachment (owner_kind, owner_id);

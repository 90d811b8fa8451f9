create schema if not exists directory;

-- The directory's read model (ADR 0046), never identity's tables: the region tree and departments, and the officials
-- at work, filled from identity's API at start and kept up to date by identity's OfficialAppointed/OfficialWithdrawn
-- events. as_of is the time of the newest fact applied, so that a redelivered or late event changes nothing.
create table directory.unit (
    code        text primary key,
    kind        text not null check (kind in ('PROVINCE', 'CITY', 'DISTRICT', 'DEPARTMENT')),
    name_zh     text not null,
    name_en     text not null,
    parent_code text
);
create index unit_by_parent on directory.unit (parent_code);

create table directory.entry (
    account_id      uuid        primary key,
    name            text        not null,
    pinyin          text        not null,
    initials        text        not null,
    department_code text        not null,
    post            text        not null,
    active          boolean     not null,
    as_of           timestamptz not null
);
create index entry_by_department on directory.entry (department_code, name) where active;
create index entry_by_pinyin on directory.entry (pinyin text_pattern_ops) where active;
create index entry_by_initials on directory.entry (initials text_pattern_ops) where active;
create index entry_by_name on directory.entry (name text_pattern_ops) where active;

-- An official's contact details, the directory's own data, and who may see each one: ALL (every official),
-- DEPARTMENT (the official's own department) or SELF (nobody else).
create table directory.contact (
    account_id        uuid        primary key,
    office_phone      text check (length(office_phone) <= 20),
    mobile            text check (length(mobile) <= 20),
    email             text check (length(email) <= 100),
    room              text check (length(room) <= 40),
    office_phone_seen text        not null default 'ALL' check (office_phone_seen in ('ALL', 'DEPARTMENT', 'SELF')),
    mobile_seen       text        not null default 'DEPARTMENT' check (mobile_seen in ('ALL', 'DEPARTMENT', 'SELF')),
    email_seen        text        not null default 'ALL' check (email_seen in ('ALL', 'DEPARTMENT', 'SELF')),
    room_seen         text        not null default 'ALL' check (room_seen in ('ALL', 'DEPARTMENT', 'SELF')),
    updated_at        timestamptz not null
);

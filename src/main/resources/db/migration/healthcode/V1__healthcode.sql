-- The health code (issue 14, part 5; ADR 0042). The colour itself is never stored: it is computed from the health
-- department's records, read through the exchange, whenever it is shown. Stored are the offline cards (the signed
-- token printed on them, so that the same card can be downloaded again and the online check knows it), the venues
-- (场所码) and the visits their codes recorded.
create schema if not exists healthcode;

-- A printable offline card (离线健康码卡). owner_account: the citizen who printed it for themself; null when an
-- official printed it at the window (printed_by) for a person named by ID number, who is kept only masked.
create table healthcode.card (
    id             uuid        primary key,
    code           text        not null unique,
    owner_account  uuid,
    printed_by     uuid        not null,
    subject_name   text        not null,
    subject_masked text        not null,
    status         text        not null check (status in ('GREEN', 'YELLOW', 'RED')),
    token          text        not null,
    issued_at      timestamptz not null,
    valid_until    timestamptz not null check (valid_until > issued_at)
);
create index card_owner on healthcode.card (owner_account, issued_at desc);
create index card_printer on healthcode.card (printed_by, issued_at desc);

create table healthcode.venue (
    id            uuid        primary key,
    code          text        not null unique check (code ~ '^[A-Za-z0-9]{10,16}$'),
    name          text        not null check (char_length(name) between 1 and 60),
    address       text        not null check (char_length(address) between 1 and 120),
    department    text        not null,
    registered_by uuid        not null,
    registered_at timestamptz not null
);
create index venue_department on healthcode.venue (department, registered_at desc);

-- A scan of a venue's code by a signed-in citizen, with the colour the citizen's code had then.
create table healthcode.visit (
    id             bigint      generated always as identity primary key,
    venue_id       uuid        not null references healthcode.venue (id),
    person_account uuid        not null,
    visited_at     timestamptz not null,
    status         text        not null check (status in ('GREEN', 'YELLOW', 'RED'))
);
create index visit_person on healthcode.visit (person_account, visited_at desc);
create index visit_venue on healthcode.visit (venue_id, visited_at);

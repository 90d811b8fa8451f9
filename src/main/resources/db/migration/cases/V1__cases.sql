create schema if not exists cases;

-- Applications and cases (办件). item_code/item_version and applicant_id belong to catalog and identity; no
-- foreign key crosses schemas. A case keeps the item version it was filed under.
create table cases.case_file (
    number           text primary key,
    item_code        text        not null,
    item_version     integer     not null,
    department_code  text        not null,
    applicant_id     uuid        not null,
    idempotency_key  text        not null,
    status           text        not null check (status in ('SUBMITTED', 'ACCEPTED', 'NOT_ACCEPTED', 'CORRECTION_REQUESTED',
                                                            'IN_PROCESS', 'APPROVED', 'DENIED', 'WITHDRAWN')),
    form_data        jsonb       not null,
    submitted_at     timestamptz not null,
    version          integer     not null default 0,
    unique (applicant_id, idempotency_key)
);
create index case_file_by_applicant on cases.case_file (applicant_id, submitted_at desc);

-- Case numbers: one sequence per item and day (DOMAIN.md 7.2).
create table cases.case_sequence (
    item_code text    not null,
    day       date    not null,
    last      integer not null,
    primary key (item_code, day)
);

-- Every step of a case, for the applicant's timeline (办件过程).
create table cases.case_step (
    id          bigserial primary key,
    number      text        not null references cases.case_file (number),
    step        text        not null,
    actor       text,
    department  text,
    opinion     text,
    at          timestamptz not null
);
create index case_step_by_number on cases.case_step (number, id);

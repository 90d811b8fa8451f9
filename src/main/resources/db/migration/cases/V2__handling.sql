-- Handling of cases: the process model and joint departments, time limits and pauses, the result, materials
-- (uploads or electronic licences) and saved drafts.
alter table cases.case_file drop constraint case_file_status_check;
alter table cases.case_file add constraint case_file_status_check
    check (status in ('SUBMITTED', 'ACCEPTED', 'NOT_ACCEPTED', 'CORRECTION_REQUESTED', 'IN_PROCESS', 'SPECIAL_PROCEDURE',
                      'APPROVED', 'DENIED', 'WITHDRAWN'));
alter table cases.case_file
    add column process_key       text   not null default 'standardApproval',
    add column joint_departments text[] not null default '{}',
    add column accepted_at       timestamptz,
    add column limit_days        integer,
    add column limit_unit        text check (limit_unit in ('WORKING_DAY', 'NATURAL_DAY')),
    add column warn_date         date,
    add column due_date          date,
    add column paused_since      timestamptz,
    add column warned            boolean not null default false,
    add column overdue_notified  boolean not null default false,
    add column correction_note   text,
    add column outcome           text check (outcome in ('APPROVED', 'DENIED', 'NOT_ACCEPTED', 'WITHDRAWN')),
    add column decision_opinion  text,
    add column decided_by        text,
    add column concluded_at      timestamptz;
-- The supervision view: open cases of a department by due date.
create index case_file_open_by_due on cases.case_file (department_code, due_date) where concluded_at is null;

-- Pauses of the clock (特别程序: hearing, expert review, inspection; and correction after acceptance).
create table cases.case_pause (
    id             bigserial primary key,
    number         text        not null references cases.case_file (number),
    kind           text        not null check (kind in ('HEARING', 'EXPERT_REVIEW', 'INSPECTION', 'CORRECTION')),
    reason         text        not null,
    resume_status  text        not null,
    started_at     timestamptz not null,
    started_by     text        not null,
    ended_at       timestamptz,
    result         text,
    paused_days    integer
);
create index case_pause_by_number on cases.case_pause (number, id);
create unique index case_pause_one_open on cases.case_pause (number) where ended_at is null;

-- Uploaded files: the content was sniffed (PDF, JPEG, PNG) and its SM3 digest kept; attached to a case on submit.
create table cases.upload (
    id            uuid primary key,
    owner_id      uuid        not null,
    file_name     text        not null,
    content_type  text        not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
    size          integer     not null check (size > 0),
    digest        text        not null,
    content       bytea       not null,
    created_at    timestamptz not null,
    case_number   text references cases.case_file (number)
);
create index upload_by_owner on cases.upload (owner_id, created_at desc);

-- The materials of a case: an upload, or an electronic licence used with the holder's authorisation (免证办).
create table cases.case_material (
    number        text    not null references cases.case_file (number),
    seq           integer not null,
    name          text    not null,
    kind          text    not null check (kind in ('UPLOAD', 'LICENCE')),
    upload_id     uuid references cases.upload (id),
    licence_id    text,
    licence_data  text,
    primary key (number, seq)
);

-- Applications being filled in (save and return later), one per applicant and item.
create table cases.draft (
    applicant_id  uuid        not null,
    item_code     text        not null,
    form_data     jsonb       not null,
    materials     jsonb       not null default '{}',
    updated_at    timestamptz not null,
    primary key (applicant_id, item_code)
);

create schema if not exists appeals;

-- A request, complaint or suggestion (诉求/投诉/建议) to the government (政企互动), routed by its category and the
-- requester's city to the responsible department (ADR 0041). The requester is an account, acting for an enterprise
-- (credit_code) or as a person (credit_code null).
create table appeals.request (
    id              uuid        primary key,
    number          text        not null unique,
    kind            text        not null check (kind in ('REQUEST', 'COMPLAINT', 'SUGGESTION')),
    category        text        not null,
    region_code     text        not null check (region_code ~ '^\d{6}$'),
    title           text        not null check (length(title) between 1 and 60),
    body            text        not null check (length(body) between 1 and 2000),
    requester       uuid        not null,
    credit_code     text,
    enterprise_name text,
    department_code text        not null,
    status          text        not null check (status in ('SUBMITTED', 'ACCEPTED', 'ANSWERED', 'CLOSED')),
    submitted_at    timestamptz not null,
    routed_at       date        not null,
    deadline        date        not null,
    reply           text,
    replied_by      uuid,
    replied_at      timestamptz,
    rating          text check (rating in ('SATISFIED', 'BASIC', 'UNSATISFIED')),
    reopened        boolean     not null default false,
    reopen_reason   text,
    version         integer     not null default 0
);
create index request_by_department on appeals.request (department_code, status, deadline);
create index request_replied_by on appeals.request (replied_by, replied_at desc);
create index request_by_requester on appeals.request (requester, submitted_at desc);

-- What happened to a request, in order: submitted, accepted, transferred (with the reason), replied, rated, reopened.
create table appeals.request_event (
    id          bigserial   primary key,
    request_id  uuid        not null references appeals.request (id),
    kind        text        not null,
    actor       uuid        not null,
    department_code text    not null,
    note        text,
    at          timestamptz not null
);
create index request_event_by_request on appeals.request_event (request_id, id);

create sequence appeals.request_number;

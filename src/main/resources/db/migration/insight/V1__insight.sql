create schema if not exists insight;

-- Read models of the dashboards (效能监管, ADR 0044), kept by the events of cases, ratings and licenses. Nothing
-- here is the truth: every row can be rebuilt from the modules' APIs (the first start fills them that way).

-- One row per case: what its figures are made of. Rewritten from the cases module's facts on each of its events,
-- under an advisory lock on the number; the difference to the row before goes into case_day.
create table insight.case_fact (
    number           text primary key,
    item_code        text        not null,
    department_code  text        not null,
    channel          text        not null,
    applicant_id     uuid        not null,
    zero_visit       boolean     not null,
    submitted_at     timestamptz not null,
    submitted_day    date        not null,
    due_date         date,
    concluded_at     timestamptz,
    outcome          text,
    concluded        boolean     not null,
    on_time          boolean     not null,
    late             boolean     not null,
    handling_days    integer     not null
);
create index case_fact_drill on insight.case_fact (department_code, submitted_day desc, number);
create index case_fact_by_day on insight.case_fact (submitted_day desc, number);
create index case_fact_open_due on insight.case_fact (department_code, due_date) where concluded_at is null;

-- Per day of submission, department, item and channel: the sums of case_fact. The dashboards read these.
create table insight.case_day (
    day              date    not null,
    department_code  text    not null,
    item_code        text    not null,
    channel          text    not null,
    submitted        bigint  not null default 0,
    zero_visit       bigint  not null default 0,
    concluded        bigint  not null default 0,
    on_time          bigint  not null default 0,
    late             bigint  not null default 0,
    handling_days    bigint  not null default 0,
    primary key (day, department_code, item_code, channel)
);
create index case_day_department on insight.case_day (department_code, day);

-- Open cases by due date and department (open = not yet concluded nor closed): "open and overdue" is the sum of
-- the rows due before today, whatever the number of cases.
create table insight.open_due (
    due_date         date   not null,
    department_code  text   not null,
    open             bigint not null default 0,
    primary key (due_date, department_code)
);

-- The names of items as their cases were filed (the newest seen), so that pages name them without asking catalog
-- per row.
create table insight.item_name (
    item_code  text primary key,
    name_zh    text not null,
    name_en    text not null
);

-- Who filed in which channel on which day (active users per channel).
create table insight.active_user (
    day              date not null,
    channel          text not null,
    department_code  text not null,
    applicant_id     uuid not null,
    primary key (day, channel, department_code, applicant_id)
);

-- Ratings, one per case (the case number is the rating's key in ratings), and whether its rectification closed.
create table insight.rating_fact (
    case_number      text primary key,
    department_code  text    not null,
    item_code        text    not null,
    level            integer not null,
    rated_day        date    not null,
    rectified        boolean not null default false
);
create index rating_fact_drill on insight.rating_fact (department_code, rated_day desc);

create table insight.rating_day (
    day              date    not null,
    department_code  text    not null,
    level            integer not null,
    rated            bigint  not null default 0,
    rectified        bigint  not null default 0,
    primary key (day, department_code, level)
);

-- Licences issued (by identifier) and shown (by the event's own id), per issuing department.
create table insight.licence_fact (
    identifier       text primary key,
    type             text not null,
    department_code  text not null,
    issued_day       date not null
);
create table insight.licence_show (
    id               uuid primary key,
    identifier       text not null,
    department_code  text not null,
    shown_day        date not null
);
create table insight.licence_day (
    day              date   not null,
    department_code  text   not null,
    issued           bigint not null default 0,
    shown            bigint not null default 0,
    primary key (day, department_code)
);

-- Whether the first fill from the modules' APIs has run.
create table insight.backfill (
    name     text primary key,
    done_at  timestamptz not null
);

create schema if not exists ratings;

-- Cases that have concluded (办结), as the cases module announced them: what a rating needs to show and to count,
-- copied so that ratings never reads the cases schema. case_number is the key: a redelivered CaseConcluded is a
-- no-op. Names are kept in both languages as the catalogue had them when the case concluded.
create table ratings.rateable_case (
    case_number      text primary key,
    applicant_id     uuid        not null,
    item_code        text        not null,
    item_name_zh     text        not null,
    item_name_en     text        not null,
    department_code  text        not null,
    department_zh    text        not null,
    department_en    text        not null,
    outcome          text        not null,
    concluded_at     timestamptz not null,
    recorded_at      timestamptz not null
);
create index rateable_case_by_applicant on ratings.rateable_case (applicant_id, concluded_at desc);

-- One rating per case (网上服务 "一事一评", DOMAIN.md 8.1): the level and the five online indicators, 1 to 5
-- (5 非常满意 … 1 非常不满意; 1 and 2 are bad ratings, 差评).
create table ratings.rating (
    case_number     text primary key references ratings.rateable_case (case_number),
    rater_id        uuid        not null,
    level           smallint    not null check (level between 1 and 5),
    overall         smallint    not null check (overall between 1 and 5),
    efficiency      smallint    not null check (efficiency between 1 and 5),
    guide_accuracy  smallint    not null check (guide_accuracy between 1 and 5),
    convenience     smallint    not null check (convenience between 1 and 5),
    usability       smallint    not null check (usability between 1 and 5),
    comment         text check (char_length(comment) <= 500),
    channel         text        not null default 'ONLINE',
    rated_at        timestamptz not null
);

-- The handling of a bad rating (差评整改, DOMAIN.md 8.3) by the department that handled the case (谁办理、谁负责).
-- The deadline is a date: the last working day the department has.
create table ratings.rectification (
    id               uuid primary key,
    case_number      text        not null unique references ratings.rating (case_number),
    department_code  text        not null,
    status           text        not null check (status in ('OPEN', 'CLOSED')),
    opened_at        timestamptz not null,
    deadline         date        not null,
    response         text check (char_length(response) <= 1000),
    responded_at     timestamptz,
    responded_by     uuid,
    closed_at        timestamptz,
    closed_by        uuid
);
create index rectification_by_department on ratings.rectification (department_code, status, deadline);

-- Follow-up notes (回访): each contact with the rater, in order.
create table ratings.follow_up (
    id                bigserial primary key,
    rectification_id  uuid        not null references ratings.rectification (id),
    note              text        not null check (char_length(note) between 1 and 500),
    official_id       uuid        not null,
    at                timestamptz not null
);
create index follow_up_by_rectification on ratings.follow_up (rectification_id, id);

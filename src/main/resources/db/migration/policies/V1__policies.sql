create schema if not exists policies;

-- 一企一档 as the policy matcher sees it: the facts an eligibility rule may name, per credit code (ADR 0039). The
-- profile is this module's own copy, filled from the register and the departments' data; enterprises that identity
-- does not know yet (the demo's wider province) live only here.
create table policies.enterprise_profile (
    credit_code  text        primary key check (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
    name         text        not null,
    industry     text        not null check (industry ~ '^[A-T]\d{0,4}$'),
    region       text        not null check (region ~ '^\d{6}$'),
    capital      bigint      not null check (capital >= 0),
    established  date        not null,
    size         text        not null check (size in ('微型', '小型', '中型', '大型')),
    headcount    integer     not null check (headcount >= 0),
    tax_rating   text        not null check (tax_rating in ('A', 'B', 'M', 'C', 'D')),
    licences     text[]      not null default '{}',
    bad_record   boolean     not null default false,
    updated_at   timestamptz not null
);

-- A policy (惠企政策) of one issuing department. Its eligibility is the list of its conditions, all of which must hold.
create table policies.policy (
    id            uuid        primary key,
    department    text        not null,
    title_zh      text        not null,
    title_en      text        not null,
    benefit_zh    text        not null,
    benefit_en    text        not null,
    documents     text        not null default '',
    service_item  text,
    automatic     boolean     not null,
    valid_from    date        not null,
    valid_to      date        not null check (valid_to >= valid_from),
    status        text        not null check (status in ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
    created_by    uuid        not null,
    created_at    timestamptz not null,
    published_at  timestamptz
);
create index policy_department on policies.policy (department, created_at desc);

create table policies.condition (
    policy_id   uuid    not null references policies.policy (id) on delete cascade,
    position    integer not null,
    expression  text    not null,
    wording_zh  text    not null,
    wording_en  text    not null,
    primary key (policy_id, position)
);

-- The matcher's verdicts: only enterprises that match (all conditions) or nearly match (all but one). Each row keeps
-- which conditions held, in the order of the policy's conditions, so the reasons are shown without evaluating again.
create table policies.match (
    policy_id    uuid        not null references policies.policy (id) on delete cascade,
    credit_code  text        not null references policies.enterprise_profile (credit_code),
    met          text        not null check (met ~ '^[01]+$'),
    full_match   boolean     not null,
    evaluated_at timestamptz not null,
    primary key (policy_id, credit_code)
);
create index match_enterprise on policies.match (credit_code);

-- A benefit granted without application (免申即享) after the issuing department confirmed the matched list.
create table policies.benefit (
    id           uuid        primary key,
    policy_id    uuid        not null references policies.policy (id),
    credit_code  text        not null references policies.enterprise_profile (credit_code),
    granted_by   uuid        not null,
    granted_at   timestamptz not null,
    unique (policy_id, credit_code)
);
create index benefit_enterprise on policies.benefit (credit_code, granted_at desc);

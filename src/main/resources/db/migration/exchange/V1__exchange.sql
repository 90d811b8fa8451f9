-- The data exchange between departments (issue 14, part 1; ADR 0032, 0033): the catalogue of data resources
-- (政务信息资源目录) with the sharing class of each field, access requests and their grants, the data subjects'
-- consents, and the tamper-evident call log. The departments' own systems are the source schemas below (src_*),
-- which only the exchange's source adapters read.
create schema if not exists exchange;

create table exchange.resource (
    code             text        primary key check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name             text        not null check (char_length(name) between 1 and 100),
    description      text        not null check (char_length(description) between 1 and 1000),
    owner_department text        not null,
    source           text        not null,
    update_frequency text        not null check (update_frequency in ('REALTIME', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY')),
    personal         boolean     not null,
    subject_kind     text        not null check (subject_kind in ('PERSON', 'ENTERPRISE')),
    registered_by    uuid,
    registered_at    timestamptz not null
);

create table exchange.resource_field (
    resource_code text    not null references exchange.resource (code),
    code          text    not null,
    label         text    not null check (char_length(label) between 1 and 60),
    share_class   text    not null check (share_class in ('UNCONDITIONAL', 'CONDITIONAL', 'NONE')),
    position      int     not null,
    primary key (resource_code, code)
);

-- A department's request to read a resource, and the owner's decision. An approved request is a grant: the fields
-- and the last day it covers may be fewer and earlier than asked (narrowed); its credential is an OAuth2 client of the
-- platform (client_id), whose secret is shown once and kept only as a hash by the authorization server.
create table exchange.access_request (
    id                  uuid        primary key,
    resource_code       text        not null references exchange.resource (code),
    requester_department text       not null,
    requested_by        uuid        not null,
    fields              text[]      not null,
    purpose             text        not null check (char_length(purpose) between 1 and 200),
    legal_basis         text        not null check (char_length(legal_basis) between 1 and 200),
    valid_from          date        not null,
    valid_until         date        not null check (valid_until >= valid_from),
    status              text        not null check (status in ('PENDING', 'APPROVED', 'REFUSED', 'REVOKED')),
    granted_fields      text[],
    granted_until       date,
    decided_by          uuid,
    decided_at          timestamptz,
    decision_reason     text,
    client_id           text unique,
    revoked_at          timestamptz,
    created_at          timestamptz not null
);
create index access_request_owner on exchange.access_request (resource_code, status);
create index access_request_requester on exchange.access_request (requester_department, created_at desc);

-- The data subject's consent to a grant's purpose (ADR 0033): given once, withdrawable. The subject is named by a
-- blind index of the ID number (HMAC-SM3 under the field key), never in clear.
create table exchange.consent (
    id            uuid        primary key,
    request_id    uuid        not null references exchange.access_request (id),
    subject_idx   bytea       not null,
    account_id    uuid        not null,
    given_at      timestamptz not null,
    withdrawn_at  timestamptz
);
create unique index consent_active on exchange.consent (request_id, subject_idx) where withdrawn_at is null;

-- The call log (ADR 0032): every call through the gateway, granted or refused. Each entry's hash is SM3 over its
-- content and the previous entry's hash; the head is signed with the exchange's SM2 key from time to time
-- (head_signature). The application may only append.
create table exchange.call_log (
    seq              bigint      primary key,
    called_at        timestamptz not null,
    client_id        text        not null,
    request_id       uuid,
    requester_department text,
    purpose          text,
    resource_code    text        not null,
    subject_idx      bytea       not null,
    subject_masked   text        not null,
    fields           text        not null,
    result           text        not null check (result in ('OK', 'REFUSED', 'NOT_FOUND')),
    reason           text,
    prev_hash        text        not null,
    hash             text        not null
);
create index call_log_subject on exchange.call_log (subject_idx, called_at desc);

create table exchange.log_head (
    id    int    primary key check (id = 1),
    seq   bigint not null,
    hash  text   not null
);
insert into exchange.log_head (id, seq, hash) values (1, 0, repeat('0', 64));

create table exchange.head_signature (
    seq        bigint      primary key,
    hash       text        not null,
    signed_at  timestamptz not null,
    key_id     text        not null,
    signature  bytea       not null
);

create table exchange.signing_key (
    kid         text        primary key,
    public_key  bytea       not null,
    wrapped     bytea       not null,
    created_at  timestamptz not null
);

-- The departments' systems (the demo's stand-ins; a real one plugs in through the REST adapter instead). Persons
-- are keyed by the blind index of their ID number, enterprises by their unified social credit code (public).
create schema if not exists src_population;
create table src_population.resident (
    subject_idx       bytea primary key,
    name              text  not null,
    sex               text  not null,
    birth_date        text  not null,
    ethnicity         text  not null,
    household_address text  not null,
    household_type    text  not null
);

create schema if not exists src_marriage;
create table src_marriage.registration (
    subject_idx    bytea primary key,
    marital_status text  not null,
    spouse_name    text,
    registered_on  text,
    registry       text
);

create schema if not exists src_social_insurance;
create table src_social_insurance.insured (
    subject_idx    bytea primary key,
    employer       text  not null,
    insured_status text  not null,
    pension_months text  not null,
    monthly_base   text  not null
);

create schema if not exists src_housing_fund;
create table src_housing_fund.account (
    subject_idx     bytea primary key,
    employer        text  not null,
    account_status  text  not null,
    balance         text  not null,
    monthly_deposit text  not null
);

create schema if not exists src_tax_credit;
create table src_tax_credit.rating (
    credit_code text primary key,
    name        text not null,
    rating      text not null,
    rating_year text not null
);

create schema if not exists src_market_entity;
create table src_market_entity.entity (
    credit_code        text primary key,
    name               text not null,
    legal_rep_name     text not null,
    address            text not null,
    industry           text not null,
    status             text not null,
    registered_capital text not null
);

-- The application may only append to the call log, and move the head.
revoke update, delete, truncate on exchange.call_log from tongban_app;
revoke insert, delete, truncate on exchange.log_head from tongban_app;
revoke update, delete, truncate on exchange.head_signature from tongban_app;

-- Use authorisations (用证授权, DOMAIN.md 5.5): the holder lets a department, or whoever handles a service item, read
-- a licence's data for a purpose until a date. Choosing a licence in an application creates one for the item and the
-- case. Withdrawal sets withdrawn_at and takes effect at once: every read checks it.
create table licenses.use_grant (
    id              uuid        primary key,
    license_id      bigint      not null references licenses.license (id),
    holder_account  uuid        not null,
    grantee_kind    text        not null check (grantee_kind in ('DEPARTMENT', 'ITEM')),
    grantee         text        not null,
    purpose         text        not null check (char_length(purpose) between 1 and 100),
    case_number     text,
    valid_until     date        not null,
    created_at      timestamptz not null,
    withdrawn_at    timestamptz,
    request_key     text
);
-- The holder's Idempotency-Key: a repeated request returns the grant made the first time.
create unique index use_grant_request on licenses.use_grant (holder_account, request_key) where request_key is not null;
create index use_grant_license on licenses.use_grant (license_id, created_at desc);
create index use_grant_case on licenses.use_grant (case_number) where case_number is not null;

-- Every use of a grant, for the holder to see: a read by an official (with their department), or the use of the
-- licence in an application (actor_kind CASE). what: SUMMARY (the data put on the case) or FULL (all the data).
create table licenses.use_log (
    id              bigint      generated always as identity primary key,
    grant_id        uuid        not null references licenses.use_grant (id),
    actor_kind      text        not null check (actor_kind in ('OFFICIAL', 'CASE')),
    actor           text        not null,
    department      text,
    case_number     text,
    what            text        not null,
    at              timestamptz not null
);
create index use_log_grant on licenses.use_log (grant_id, at desc);

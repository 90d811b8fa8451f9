create schema if not exists platform;

-- Settings that the operator (运) may change. Catalogue and policy data belong to the government manager and live elsewhere.
create table platform.setting (
    key        text primary key,
    value      text        not null,
    updated_at timestamptz not null default now(),
    updated_by uuid
);

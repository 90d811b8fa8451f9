create schema if not exists portal;

-- Service themes shown on the portal. Content owned by the government manager (管), never by the operator (运).
create table portal.service_theme (
    code       text primary key,
    audience   text        not null check (audience in ('PERSON', 'ENTERPRISE')),
    name_zh    text        not null,
    name_en    text        not null,
    icon       text        not null,
    sort_order integer     not null,
    visible    boolean     not null default true,
    updated_at timestamptz not null default now(),
    updated_by uuid
);

create schema if not exists identity;

-- Organisation units: the region tree (province → city → district) and the departments within each region.
create table identity.org_unit (
    id          uuid primary key,
    code        text unique not null,
    kind        text        not null check (kind in ('PROVINCE', 'CITY', 'DISTRICT', 'DEPARTMENT')),
    name_zh     text        not null,
    name_en     text        not null,
    parent_id   uuid references identity.org_unit (id),
    region_code text        not null,
    credit_code text unique
);
create index org_unit_by_parent on identity.org_unit (parent_id);

-- Natural persons. The ID number and phone are stored SM4-encrypted; look-ups go through HMAC-SM3 blind indexes.
create table identity.person (
    id            uuid primary key,
    name          text        not null,
    id_number_enc bytea       not null,
    id_number_idx bytea       not null unique,
    id_number_masked text     not null,
    phone_enc     bytea,
    phone_idx     bytea unique,
    phone_masked  text,
    birth_date    date        not null,
    sex           text        not null check (sex in ('MALE', 'FEMALE')),
    trust_level   integer     not null check (trust_level between 2 and 5),
    created_at    timestamptz not null,
    version       integer     not null default 0
);

-- Sign-in accounts. Every account is a person's; what it may do comes from its roles.
create table identity.account (
    id              uuid primary key,
    person_id       uuid        not null unique references identity.person (id),
    login_name      text unique,
    password_hash   text        not null,
    failed_attempts integer     not null default 0,
    locked_until    timestamptz,
    enabled         boolean     not null default true,
    elderly_mode    boolean     not null default false,
    locale          text,
    created_at      timestamptz not null,
    version         integer     not null default 0
);

-- Roles, each optionally scoped to an organisation unit (an official's department).
create table identity.account_role (
    account_id  uuid not null references identity.account (id),
    role        text not null check (role in ('CITIZEN', 'ENTERPRISE_USER', 'OFFICIAL', 'DEPARTMENT_ADMIN',
                                              'GOVERNMENT_MANAGER', 'PLATFORM_OPERATOR', 'AUDITOR')),
    org_unit_id uuid references identity.org_unit (id),
    granted_at  timestamptz not null,
    granted_by  uuid
);
create unique index account_role_unique on identity.account_role (account_id, role, coalesce(org_unit_id, '00000000-0000-0000-0000-000000000000'));

-- Civil servants: post and department.
create table identity.official (
    account_id  uuid primary key references identity.account (id),
    staff_no    text unique not null,
    org_unit_id uuid        not null references identity.org_unit (id),
    post        text        not null
);

-- Legal persons (enterprises), identified by the unified social credit code, which is public.
create table identity.enterprise (
    id              uuid primary key,
    credit_code     text unique not null,
    name            text        not null,
    legal_rep_id    uuid        not null references identity.person (id),
    address         text        not null,
    industry        text        not null,
    region_code     text        not null,
    trust_level     integer     not null check (trust_level between 2 and 5),
    created_at      timestamptz not null
);

-- Who may act for an enterprise. The legal representative holds an unlimited grant; agents (经办人) will hold
-- grants with a scope and a validity period, confirmed by the agent (see DOMAIN.md 9.2).
create table identity.enterprise_grant (
    id            uuid primary key,
    enterprise_id uuid        not null references identity.enterprise (id),
    account_id    uuid        not null references identity.account (id),
    kind          text        not null check (kind in ('LEGAL_REPRESENTATIVE', 'AGENT')),
    scope         text        not null default 'ALL',
    valid_from    timestamptz not null,
    valid_to      timestamptz,
    status        text        not null check (status in ('PENDING', 'ACTIVE', 'EXPIRED', 'REVOKED')),
    created_at    timestamptz not null
);
create index enterprise_grant_by_account on identity.enterprise_grant (account_id);

-- One-time codes for sign-in and for account changes; only a hash of the code is kept.
create table identity.one_time_code (
    id          uuid primary key,
    account_id  uuid        not null references identity.account (id),
    purpose     text        not null,
    target      text,
    code_hash   text        not null,
    expires_at  timestamptz not null,
    attempts    integer     not null default 0,
    used_at     timestamptz,
    created_at  timestamptz not null
);
create index one_time_code_by_account on identity.one_time_code (account_id, purpose, created_at desc);

-- Demo stand-ins for the population register (人口库) and the market-entity register (法人库).
-- A real deployment replaces them with adapters to the provincial data platform.
create table identity.population_register (
    id_number_idx bytea primary key,
    name          text not null
);
create table identity.market_register (
    credit_code     text primary key,
    name            text not null,
    legal_rep_name  text not null,
    legal_rep_idx   bytea not null,
    address         text not null,
    industry        text not null,
    region_code     text not null
);

-- Spring Session JDBC (sessions shared by every node).
create table identity.spring_session (
    primary_id            char(36) primary key,
    session_id            char(36) not null unique,
    creation_time         bigint   not null,
    last_access_time      bigint   not null,
    max_inactive_interval integer  not null,
    expiry_time           bigint   not null,
    principal_name        varchar(100)
);
create index spring_session_ix2 on identity.spring_session (expiry_time);
create index spring_session_ix3 on identity.spring_session (principal_name);
create table identity.spring_session_attributes (
    session_primary_id char(36)     not null references identity.spring_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    primary key (session_primary_id, attribute_name)
);

-- Passkeys (WebAuthn), in the layout of Spring Security's JDBC repositories (found through the search_path).
create table identity.user_entities (
    id           varchar(1000) primary key,
    name         varchar(100)  not null unique,
    display_name varchar(200)
);
create table identity.user_credentials (
    credential_id                varchar(1000) primary key,
    user_entity_user_id          varchar(1000) not null,
    public_key                   bytea         not null,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       not null,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       not null,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamp,
    last_used                    timestamp,
    label                        varchar(1000) not null
);
create index user_credentials_by_user on identity.user_credentials (user_entity_user_id);

-- OAuth2 authorization server (bearer tokens for the mobile apps), shared by every node.
create table identity.oauth2_registered_client (
    id                            varchar(100) primary key,
    client_id                     varchar(100) not null unique,
    client_id_issued_at           timestamptz  not null default current_timestamp,
    client_secret                 varchar(200),
    client_secret_expires_at      timestamptz,
    client_name                   varchar(200) not null,
    client_authentication_methods varchar(1000) not null,
    authorization_grant_types     varchar(1000) not null,
    redirect_uris                 varchar(1000),
    post_logout_redirect_uris     varchar(1000),
    scopes                        varchar(1000) not null,
    client_settings               varchar(2000) not null,
    token_settings                varchar(2000) not null
);
create table identity.oauth2_authorization (
    id                            varchar(100) primary key,
    registered_client_id          varchar(100) not null,
    principal_name                varchar(200) not null,
    authorization_grant_type      varchar(100) not null,
    authorized_scopes             varchar(1000),
    attributes                    text,
    state                         varchar(500),
    authorization_code_value      text,
    authorization_code_issued_at  timestamptz,
    authorization_code_expires_at timestamptz,
    authorization_code_metadata   text,
    access_token_value            text,
    access_token_issued_at        timestamptz,
    access_token_expires_at       timestamptz,
    access_token_metadata         text,
    access_token_type             varchar(100),
    access_token_scopes           varchar(1000),
    oidc_id_token_value           text,
    oidc_id_token_issued_at       timestamptz,
    oidc_id_token_expires_at      timestamptz,
    oidc_id_token_metadata        text,
    refresh_token_value           text,
    refresh_token_issued_at       timestamptz,
    refresh_token_expires_at      timestamptz,
    refresh_token_metadata        text,
    user_code_value               text,
    user_code_issued_at           timestamptz,
    user_code_expires_at          timestamptz,
    user_code_metadata            text,
    device_code_value             text,
    device_code_issued_at         timestamptz,
    device_code_expires_at        timestamptz,
    device_code_metadata          text
);
create table identity.oauth2_authorization_consent (
    registered_client_id varchar(100)  not null,
    principal_name       varchar(200)  not null,
    authorities          varchar(1000) not null,
    primary key (registered_client_id, principal_name)
);

-- Keys every node must share (the OAuth2 token signing key), wrapped with the SM4 field key.
create table identity.signing_key (
    kid        text primary key,
    purpose    text        not null,
    wrapped    bytea       not null,
    created_at timestamptz not null default now(),
    retired_at timestamptz
);
create index signing_key_by_purpose on identity.signing_key (purpose, created_at desc);

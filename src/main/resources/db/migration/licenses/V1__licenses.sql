create schema if not exists licenses;

-- Licence types (证照类型, DOMAIN.md 5.2). code is the short name the catalogue uses for a material a licence can
-- replace (BUSINESS_LICENCE); type_code is the GB/T 36904 证照类型代码 (defining authority's credit code + 3 digits)
-- that goes into every identifier. fields is the typed schema of the face data (照面), template how it is shown.
-- validity: PERMANENT (长期有效), an ISO-8601 period counted from the first valid day (P6Y), or GIVEN by the issuer.
create table licenses.license_type (
    code                    text primary key,
    type_code               text        not null unique,
    name_zh                 text        not null,
    name_en                 text        not null,
    authority_code          text        not null,
    authority_zh            text        not null,
    authority_en            text        not null,
    holder_kind             text        not null check (holder_kind in ('PERSON', 'ENTERPRISE')),
    issuers                 text[]      not null,
    validity                text        not null,
    allow_multiple          boolean     not null,
    number_mask             text        not null,
    fields                  jsonb       not null,
    template                jsonb       not null,
    trust_grade             char(1)     not null default 'A',
    created_at              timestamptz not null
);

-- Every licence ever issued, one row per version. id comes from a sequence and is also the licence's position in
-- the published status list. content is the signed canonical document (docs/licences.md), SM4-GCM encrypted with the
-- platform's field key and the identifier as associated data, because it holds the holder's ID number; signature is
-- SM2 over the plain canonical bytes with key key_id. The holder is found by a keyed blind index (HMAC-SM3) of the
-- holder's ID number or credit code; the masked forms are for lists. At most one VALID or SUSPENDED licence per type
-- and holder unless the type allows several (exclusive = not allow_multiple, copied at issue).
create sequence licenses.license_seq;
create table licenses.license (
    id                   bigint primary key,
    identifier           text        not null unique,
    type                 text        not null references licenses.license_type (code),
    serial               text        not null,
    version              smallint    not null,
    issuer_department    text        not null,
    issuer_credit_code   text        not null,
    holder_kind          text        not null check (holder_kind in ('PERSON', 'ENTERPRISE')),
    holder_id_type       text        not null,
    holder_idx           bytea       not null,
    holder_name_masked   text        not null,
    holder_id_masked     text        not null,
    content              bytea       not null,
    signature            bytea       not null,
    key_id               text        not null,
    issue_date           date        not null,
    valid_from           date        not null,
    valid_to             date,
    status               text        not null check (status in ('VALID', 'SUSPENDED', 'REVOKED', 'CANCELLED', 'EXPIRED')),
    status_reason        text,
    status_changed_at    timestamptz,
    exclusive            boolean     not null,
    previous_identifier  text,
    case_number          text,
    batch_id             uuid,
    request_key          text,
    issued_by            text        not null,
    issued_at            timestamptz not null
);
create unique index license_one_active on licenses.license (type, holder_idx) where exclusive and status in ('VALID', 'SUSPENDED');
create unique index license_per_case on licenses.license (case_number, type) where case_number is not null;
create unique index license_per_request on licenses.license (issued_by, request_key) where request_key is not null;
-- The wallet: a holder's licences, newest first, a page at a time (keyset on id).
create index license_by_holder on licenses.license (holder_idx, id desc);
-- The department's register of what it issued.
create index license_by_issuer on licenses.license (issuer_department, id desc);
-- The daily expiry sweep and the status list: licences whose period has ended but are still marked valid.
create index license_ending on licenses.license (valid_to) where status = 'VALID' and valid_to is not null;
-- The status list reads only licences that are not valid.
create index license_not_valid on licenses.license (id) where status <> 'VALID';

-- Every status change with its reason, in order (the licence row keeps only the latest).
create table licenses.status_change (
    id          bigserial primary key,
    license_id  bigint      not null references licenses.license (id),
    from_status text        not null,
    to_status   text        not null,
    reason      text        not null,
    actor       text        not null,
    at          timestamptz not null
);
create index status_change_by_license on licenses.status_change (license_id, id);

-- Batch imports (批量导入): who imported which file for which type, and what came of it.
create table licenses.batch (
    id           uuid primary key,
    type         text        not null,
    department   text        not null,
    file_name    text        not null,
    rows         integer     not null,
    issued       integer     not null,
    refused      integer     not null,
    imported_by  text        not null,
    imported_at  timestamptz not null
);

-- Signing keys (SM2) of the issuing departments (use ISSUER), of the platform's status list (STATUS) and the
-- platform's root (ROOT), which signs the trust list. private_key is the 32-byte scalar wrapped with SM4-GCM under the
-- master key (tongban.licenses.master-key), the key id bound as associated data. A key signs from not_before until
-- sign_until, and its signatures verify until not_after. At most one key per owner and use is current (retired_at null).
create table licenses.signing_key (
    kid          text primary key,
    use          text        not null check (use in ('ISSUER', 'STATUS', 'ROOT')),
    owner        text        not null,
    public_key   bytea       not null,
    private_key  bytea       not null,
    not_before   timestamptz not null,
    sign_until   timestamptz not null,
    not_after    timestamptz not null,
    retired_at   timestamptz,
    created_at   timestamptz not null,
    created_by   text        not null
);
create unique index signing_key_current on licenses.signing_key (owner, use) where retired_at is null;

-- One row: a check value of the master key (HMAC-SM3 of a constant), so that a node started with another master key
-- refuses to start instead of failing at the first signature; and whether the key store was created under a
-- development key, which the production profile refuses.
create table licenses.key_store (
    id           smallint primary key check (id = 1),
    check_value  bytea       not null,
    development  boolean     not null,
    created_at   timestamptz not null
);

-- Published trust lists, each signed by the root key; seq increases with each one.
create table licenses.trust_list (
    seq          bigint primary key,
    content_hash bytea       not null,
    body         text        not null,
    issued_at    timestamptz not null
);

create schema if not exists documents;

-- The 机关代字 of each department (DOMAIN.md 10.3): identity has no such field, so this module keeps it. The
-- government manager sets it; the demo data seeds the demo departments'. Departments are identity's codes.
create table documents.short_name (
    department  text primary key,
    short_name  text        not null unique check (short_name ~ '^\S{1,12}$'),
    updated_by  text        not null,
    updated_at  timestamptz not null
);

-- Who signs (签发) and instructs (批办) for a department: identity has no notion of a leader (ADR 0028).
create table documents.leader (
    department  text not null,
    account_id  uuid not null,
    primary key (department, account_id)
);

-- One counter per department, type and year (ADR 0028): the signing transaction updates its row (a row lock until
-- it commits), so concurrent signers queue on it and a rolled-back signing gives its number back.
create table documents.number_counter (
    department  text    not null,
    doc_type    text    not null,
    year        integer not null,
    last_value  integer not null check (last_value >= 0),
    primary key (department, doc_type, year)
);

-- An outgoing document with its GB/T 9704 elements. Recipients are department codes inside the platform.
create table documents.document (
    id                  uuid primary key,
    department          text        not null,
    drafter             uuid        not null,
    doc_type            text        not null,
    status              text        not null check (status in
                          ('DRAFT', 'CHECK', 'COUNTERSIGN', 'SIGN', 'NUMBERED', 'SEALED', 'DISPATCHED')),
    copy_number         text,
    classification      text        check (classification in ('SECRET', 'CONFIDENTIAL', 'TOP_SECRET')),
    secrecy_period      text,
    urgency             text        check (urgency in ('URGENT', 'EXTRA_URGENT')),
    issuer_mark         text        not null,
    title               text        not null,
    main_recipients     text[]      not null,
    body                text        not null,
    attachment_note     text,
    issuer_signature    text        not null,
    written_on          date,
    seal_kind           text        not null check (seal_kind in ('SEALED', 'UNSEALED')),
    notes               text,
    attachments         text,
    cc_recipients       text[]      not null,
    printed_by          text        not null,
    printed_on          date,
    countersigners      text[]      not null,
    checker             uuid,
    signer              uuid,
    signer_name         text,
    signed_at           timestamptz,
    number              text unique,
    number_year         integer,
    number_seq          integer,
    pdf                 bytea,
    pdf_sm3             text,
    signature           bytea,
    key_id              text,
    sealed_at           timestamptz,
    dispatched_at       timestamptz,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             integer     not null,
    unique (department, doc_type, number_year, number_seq)
);
create index document_department on documents.document (department, status, updated_at desc);

-- The opinions along the way (核稿, 会签, 签发, ...) with who gave them, for the document's page.
create table documents.step (
    document_id uuid        not null references documents.document (id),
    seq         integer     not null,
    step        text        not null,
    department  text        not null,
    actor       uuid        not null,
    actor_name  text        not null,
    opinion     text,
    at          timestamptz not null,
    primary key (document_id, seq)
);

-- The countersignatures (会签) given, one per invited department.
create table documents.countersignature (
    document_id uuid        not null references documents.document (id),
    department  text        not null,
    actor       uuid        not null,
    opinion     text        not null,
    at          timestamptz not null,
    primary key (document_id, department)
);

-- A dispatched document received by one department (收文): 签收 → 拟办 → 批办 → 承办 → 办结.
create table documents.receipt (
    id              uuid primary key,
    document_id     uuid        not null references documents.document (id),
    department      text        not null,
    kind            text        not null check (kind in ('MAIN', 'CC')),
    status          text        not null check (status in
                      ('DELIVERED', 'SIGNED_FOR', 'PROPOSED', 'INSTRUCTED', 'HANDLED', 'DONE')),
    registration_no text,
    proposal        text,
    instruction     text,
    handling        text,
    delivered_at    timestamptz not null,
    signed_for_at   timestamptz,
    done_at         timestamptz,
    urged_at        timestamptz,
    version         integer     not null,
    unique (document_id, department)
);
create index receipt_department on documents.receipt (department, status, delivered_at desc);

-- Each department's own incoming register number (收文登记号), per year, without gaps like the outgoing numbers.
create table documents.receipt_counter (
    department  text    not null,
    year        integer not null,
    last_value  integer not null,
    primary key (department, year)
);

create table documents.receipt_step (
    receipt_id  uuid        not null references documents.receipt (id),
    seq         integer     not null,
    step        text        not null,
    actor       uuid        not null,
    actor_name  text        not null,
    opinion     text,
    at          timestamptz not null,
    primary key (receipt_id, seq)
);

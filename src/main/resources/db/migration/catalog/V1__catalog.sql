create schema if not exists catalog;

-- Service items (事项) with the national field set, one row per version. A case keeps the version it was filed
-- under; at most one version of an item is published and at most one is a draft.
create table catalog.service_item (
    code                text        not null,
    version             integer     not null,
    status              text        not null check (status in ('DRAFT', 'PUBLISHED', 'WITHDRAWN', 'SUPERSEDED')),
    name_zh             text        not null,
    name_en             text        not null,
    item_type           text        not null check (item_type in ('LICENSING', 'CONFIRMATION', 'ADJUDICATION', 'PAYMENT',
                                                                  'REWARD', 'FILING', 'OTHER_POWER', 'PUBLIC_SERVICE')),
    item_level          text        not null check (item_level in ('NATIONAL', 'PROVINCE', 'CITY', 'DISTRICT', 'TOWN', 'VILLAGE')),
    department_code     text        not null,
    department_zh       text        not null,
    department_en       text        not null,
    legal_basis         text        not null,
    conditions          text        not null,
    statutory_limit     integer     not null check (statutory_limit > 0),
    promised_limit      integer     not null check (promised_limit > 0),
    limit_unit          text        not null check (limit_unit in ('WORKING_DAY', 'NATURAL_DAY')),
    visits              integer     not null check (visits between 0 and 9),
    online_depth        integer     not null check (online_depth between 1 and 4),
    fee                 text        not null,
    result_type         text        not null check (result_type in ('LICENCE', 'CERTIFICATE', 'APPROVAL', 'PAYMENT', 'OTHER')),
    faq                 text        not null default '',
    channels            text[]      not null,
    themes              text[]      not null,
    min_trust_level     integer     not null default 2 check (min_trust_level between 2 and 5),
    search_text         text        not null,
    created_at          timestamptz not null,
    published_at        timestamptz,
    changed_by          uuid,
    primary key (code, version),
    check (promised_limit <= statutory_limit)
);
create unique index service_item_one_published on catalog.service_item (code) where status = 'PUBLISHED';
create unique index service_item_one_draft on catalog.service_item (code) where status = 'DRAFT';
create index service_item_by_department on catalog.service_item (department_code) where status = 'PUBLISHED';

-- Materials of an item version (申请材料): what the applicant brings, or what a licence or shared data replaces.
create table catalog.material (
    code          text    not null,
    version       integer not null,
    seq           integer not null,
    name          text    not null,
    necessity     text    not null check (necessity in ('REQUIRED', 'CONDITIONAL', 'OPTIONAL')),
    source        text    not null check (source in ('APPLICANT', 'GOVERNMENT')),
    licence_type  text,
    primary key (code, version, seq),
    foreign key (code, version) references catalog.service_item (code, version)
);

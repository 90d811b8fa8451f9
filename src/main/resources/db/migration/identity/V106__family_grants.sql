-- Relatives acting for family (亲友代办, ADR 0043). The principal (被代办人) lets a relative (代办人) act for them in a
-- scope (CASES, LICENCES, RECORDS, HEALTH_CODE, comma-separated) until valid_to. A grant is PROPOSED when written,
-- CONFIRMED once the principal's passkey signed its content, ACTIVE once the relative accepted with their own
-- passkey; a guardian's grant for a minor child is ACTIVE once the guardian's passkey signed the declaration, and
-- ends at the child's 18th birthday. Only ACTIVE grants before valid_to let anyone act. relationship is what the
-- relative is to the principal (PARENT: the relative is the principal's father or mother).
create table identity.family_grant (
    id                  uuid primary key,
    principal_id        uuid        not null references identity.account (id),
    relative_id         uuid        not null references identity.account (id),
    relationship        text        not null check (relationship in ('PARENT', 'CHILD', 'SPOUSE', 'SIBLING',
                                                                     'GRANDPARENT', 'GRANDCHILD', 'OTHER')),
    scope               text        not null,
    valid_to            timestamptz not null,
    kind                text        not null check (kind in ('AUTHORISED', 'GUARDIAN')),
    status              text        not null check (status in ('PROPOSED', 'CONFIRMED', 'ACTIVE', 'REVOKED')),
    created_by          uuid        not null references identity.account (id),
    principal_challenge bytea       not null,
    relative_challenge  bytea,
    confirmed_at        timestamptz,
    accepted_at         timestamptz,
    revoked_at          timestamptz,
    revoked_by          uuid references identity.account (id),
    created_at          timestamptz not null,
    check (principal_id <> relative_id)
);
create index family_grant_by_principal on identity.family_grant (principal_id, created_at desc);
create index family_grant_by_relative on identity.family_grant (relative_id, status);

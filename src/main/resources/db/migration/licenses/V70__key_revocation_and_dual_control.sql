-- Key revocation (issue 9, finding 16): a compromised key is revoked from an instant on; the trust list names it with
-- revokedAt, and nothing it signed at or after that instant verifies, online or offline (docs/licences.md).
alter table licenses.signing_key
    add column revoked_at timestamptz,
    add column revoked_by text,
    add column revocation_reason text;

-- The root key is rotated by two people (四眼原则): one operator proposes, another operator or a government manager
-- approves within a day; the same person cannot do both. approved_by <> proposed_by is checked here as well.
create table licenses.root_rotation (
    id           uuid primary key,
    reason       text        not null check (char_length(reason) between 1 and 500),
    proposed_by  text        not null,
    proposed_at  timestamptz not null,
    expires_at   timestamptz not null,
    decided_by   text,
    decided_at   timestamptz,
    new_kid      text,
    check (decided_by is null or decided_by <> proposed_by)
);
-- At most one proposal waits at a time.
create unique index root_rotation_one_open on licenses.root_rotation ((true)) where decided_at is null;

-- The master key is versioned: each wrapped private key names the master key version that wrapped it, and the key
-- store the version its check value belongs to. A start-up step rewraps keys of older versions with the newest.
alter table licenses.signing_key add column master_version smallint not null default 1;
alter table licenses.key_store add column master_version smallint not null default 1;

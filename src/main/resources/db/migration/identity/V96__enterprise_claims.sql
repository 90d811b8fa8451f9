-- A legal representative's claim of an enterprise (ADR 0030), waiting for its passkey confirmation. The challenge
-- is SHA-256 over the claim's content and a nonce; the claim expires and is used once.
create table identity.enterprise_claim (
    id           uuid primary key,
    account_id   uuid        not null references identity.account (id),
    credit_code  text        not null,
    challenge    bytea       not null,
    expires_at   timestamptz not null,
    confirmed_at timestamptz,
    created_at   timestamptz not null
);
create index enterprise_claim_by_account on identity.enterprise_claim (account_id, created_at desc);
create index enterprise_by_legal_rep on identity.enterprise (legal_rep_id);

-- Agents (经办人) authorised by the legal representative (ADR 0031). An invitation waits for the representative's
-- passkey confirmation, whose challenge is SHA-256 over the grant's content (enterprise, agent, scope, validity,
-- grant id) and a nonce; it expires after 10 minutes and is used once. Confirmed, it becomes an AGENT grant of the
-- same id in identity.enterprise_grant.
create table identity.agent_invitation (
    id               uuid primary key,
    enterprise_id    uuid        not null references identity.enterprise (id),
    inviter_id       uuid        not null references identity.account (id),
    agent_account_id uuid        not null references identity.account (id),
    scope            text        not null,
    valid_to         timestamptz not null,
    challenge        bytea       not null,
    expires_at       timestamptz not null,
    confirmed_at     timestamptz,
    created_at       timestamptz not null
);
create index agent_invitation_by_enterprise on identity.agent_invitation (enterprise_id, created_at desc);

alter table identity.enterprise_grant
    add column granted_by uuid references identity.account (id),
    add column revoked_at timestamptz;
create index enterprise_grant_by_enterprise on identity.enterprise_grant (enterprise_id, kind, created_at desc);

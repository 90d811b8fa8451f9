-- A registration code proves the phone before any account exists: such a code belongs to no account yet and is
-- bound to the phone it was sent to (its target).
alter table identity.one_time_code alter column account_id drop not null;
create index one_time_code_by_target on identity.one_time_code (purpose, target, created_at desc) where account_id is null;

-- The first start in production (ADR 0035): the first operator and manager get a generated initial password,
-- which they must replace at their first sign-in; until then their session reaches the password form only.
alter table identity.account add column password_change_required boolean not null default false;

-- Bearer tokens issued before this instant are refused: "sign out everywhere" sets it, so that access tokens die with
-- the sessions instead of living out their 30 minutes (refresh tokens are deleted with their authorizations).
alter table identity.account add column tokens_not_before timestamptz;

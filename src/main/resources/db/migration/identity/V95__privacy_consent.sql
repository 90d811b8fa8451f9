-- When the holder accepted the privacy notice at registration (个人信息保护法: consent before processing).
-- Accounts made before the notice existed, and staff accounts made by an administrator, have none.
alter table identity.account add column privacy_consented_at timestamptz;

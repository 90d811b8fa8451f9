-- The application's login may append to the trail and read it, never change or remove a row (issue 9, finding 13);
-- the triggers of V1 stay as a second guard against the owner's own mistakes.
revoke update, delete, truncate, references, trigger on audit.audit_event from tongban_app;
grant select, insert on audit.audit_event to tongban_app;
-- The head moves with every append, but is never inserted or removed.
revoke insert, delete, truncate, references, trigger on audit.chain_head from tongban_app;
grant select, update on audit.chain_head to tongban_app;

-- Rows written so far are format 1: an SM3 chain over fields joined by a separator that a field could contain.
-- From the first start after this migration rows are format 2: HMAC-SM3 under a key kept outside the database, over
-- length-prefixed fields (ADR 0014). The first keyed row links to the last format-1 row and so seals the rows before.
alter table audit.audit_event add column format smallint not null default 1;
-- The head carries a MAC of itself under the same key: moving it back to an earlier row needs the key.
alter table audit.chain_head add column mac text;

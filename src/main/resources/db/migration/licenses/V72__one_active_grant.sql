-- A holder's use authorisation (用证授权) is given once: the same license to the same grantee while a grant is in force
-- is refused (issue 11, finding 8). Every grant runs from its creation to valid_until, so two grants of one license to
-- one grantee overlap exactly when both are in force; the partial unique index below says "at most one in force",
-- for the grants a holder gives on the license page (case_number null; an application's grants are per case).
--
-- An index cannot ask for today's date, so a grant past its last day is marked lapsed (lapsed_at) before a new one is
-- given to the same grantee (GiveGrant, in the same transaction); a lapsed grant reads
-- as expired, exactly as before.
alter table licenses.use_grant add column lapsed_at timestamptz;

update licenses.use_grant set lapsed_at = now()
 where withdrawn_at is null and valid_until < current_date;

-- Duplicates given before this rule: the earliest stays in force, the later copies are withdrawn (they granted nothing
-- the first one did not), so the index can be built.
update licenses.use_grant g set withdrawn_at = g.created_at
 where g.withdrawn_at is null and g.lapsed_at is null and g.case_number is null
   and exists (select 1 from licenses.use_grant e
                where e.license_id = g.license_id and e.grantee_kind = g.grantee_kind and e.grantee = g.grantee
                  and e.withdrawn_at is null and e.lapsed_at is null and e.case_number is null
                  and (e.created_at, e.id) < (g.created_at, g.id));

create unique index use_grant_one_in_force on licenses.use_grant (license_id, grantee_kind, grantee)
 where withdrawn_at is null and lapsed_at is null and case_number is null;

-- An official's list of the grants to their department.
create index use_grant_department on licenses.use_grant (grantee, valid_until)
 where grantee_kind = 'DEPARTMENT' and withdrawn_at is null;

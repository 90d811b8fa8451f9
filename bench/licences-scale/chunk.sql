-- One chunk of copies, n from :lo to :hi (bench/licences-scale.sh seed). Each copy takes the shape of one of the demo
-- licences the platform issued (type, issuer, key, content and signature bytes, masked names) with its own id (base +
-- n), identifier and holder. Holder indexes are opaque 32-byte values like the HMAC-SM3 blind indexes: holder h holds
-- ids h, h + holders, h + 2 holders ... (licences collected over the years). Every (rows / extra)-th copy from n = 7
-- goes to the demo citizen. Issued one per 30 s back from now; 2 % revoked; none exclusive.
\set ON_ERROR_STOP on
insert into licenses.license (id, identifier, type, serial, version, issuer_department, issuer_credit_code, holder_kind,
       holder_id_type, holder_idx, holder_name_masked, holder_id_masked, content, signature, key_id, issue_date,
       valid_from, valid_to, status, status_reason, status_changed_at, exclusive, previous_identifier, case_number,
       batch_id, request_key, issued_by, issued_at)
select :base + n, t.identifier || '.' || n, t.type, t.serial, t.version, t.issuer_department, t.issuer_credit_code,
       t.holder_kind, t.holder_id_type,
       case when :extra > 0 and n % (:rows / :extra) = 7 and n / (:rows / :extra) < :extra then decode(:'citizen', 'hex')
            else decode(md5('holder' || (n % :holders)) || md5('blind' || (n % :holders)), 'hex') end,
       t.holder_name_masked, t.holder_id_masked, t.content, t.signature, t.key_id,
       at.d::date, at.d::date, case when t.valid_to is null then null else (at.d + interval '10 years')::date end,
       case when n % 50 = 1 then 'REVOKED' else 'VALID' end,
       case when n % 50 = 1 then 'seeded' end, case when n % 50 = 1 then at.d end,
       false, null, null, null, null, t.issued_by, at.d
  from generate_series(:lo::bigint, :hi::bigint) as n
  join public.lbench_tpl t on t.k = n % :templates
  cross join lateral (select now() - (:rows - n) * interval '30 seconds' as d) as at;

-- After the bulk load: the constraints and indexes of db/migration/licenses/V1__licenses.sql again, the sequence past
-- the copies, fresh statistics.
\set ON_ERROR_STOP on
set maintenance_work_mem = '1GB';
set max_parallel_maintenance_workers = 2;
alter table licenses.license add primary key (id);
alter table licenses.license add constraint license_identifier_key unique (identifier);
create unique index license_one_active on licenses.license (type, holder_idx) where exclusive and status in ('VALID', 'SUSPENDED');
create unique index license_per_case on licenses.license (case_number, type) where case_number is not null;
create unique index license_per_request on licenses.license (issued_by, request_key) where request_key is not null;
create index license_by_holder on licenses.license (holder_idx, id desc);
create index license_by_issuer on licenses.license (issuer_department, id desc);
create index license_ending on licenses.license (valid_to) where status = 'VALID' and valid_to is not null;
create index license_not_valid on licenses.license (id) where status <> 'VALID';
alter table licenses.status_change add constraint status_change_license_id_fkey foreign key (license_id) references licenses.license (id);
alter table licenses.use_grant add constraint use_grant_license_id_fkey foreign key (license_id) references licenses.license (id);
select setval('licenses.license_seq', (select max(id) from licenses.license));
drop table public.lbench_tpl;
vacuum (analyze) licenses.license;

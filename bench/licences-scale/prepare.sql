-- Before the bulk load (bench/licences-scale.sh seed): the demo licences as templates, and the indexes dropped so that
-- they are built once after the load, as a restore would.
\set ON_ERROR_STOP on
drop table if exists public.lbench_tpl;
create table public.lbench_tpl as select row_number() over (order by id) - 1 as k, * from licenses.license;
alter table public.lbench_tpl add primary key (k);
drop index if exists licenses.license_one_active, licenses.license_per_case, licenses.license_per_request,
  licenses.license_by_holder, licenses.license_by_issuer, licenses.license_ending, licenses.license_not_valid;
alter table licenses.license drop constraint if exists license_identifier_key;
alter table licenses.license drop constraint if exists license_pkey cascade;

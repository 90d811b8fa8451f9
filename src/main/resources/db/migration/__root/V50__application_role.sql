-- The application's own login, tongban_app: not a superuser and the owner of nothing (issue 9, finding 13). Flyway
-- runs as the owner (spring.flyway.user); the pool connects as tongban_app, which may read and write the modules'
-- tables but not change their structure, and may only append to the audit trail (audit/V50). In production the
-- database administrator may create the role beforehand (with a password); then this creates nothing.
do $$
begin
    if not exists (select from pg_roles where rolname = 'tongban_app') then
        create role tongban_app login;
    end if;
exception when duplicate_object or unique_violation then
    -- Another database on the same server created it at the same moment (roles belong to the whole server).
    null;
end $$;

do $$
begin
    execute format('grant connect, temporary on database %I to tongban_app', current_database());
end $$;

-- What the migrations create from now on (tables, sequences, schemas of this migration user) the application may use.
alter default privileges grant usage on schemas to tongban_app;
alter default privileges grant select, insert, update, delete on tables to tongban_app;
alter default privileges grant usage, select, update on sequences to tongban_app;

-- And so what earlier migrations created, in an installation that ran as one login so far. Flyway's history tables
-- in public stay out of reach.
do $$
declare
    s name;
begin
    for s in select n.nspname from pg_namespace n
              where n.nspowner = (select oid from pg_roles where rolname = current_user)
                and n.nspname not like 'pg\_%' and n.nspname not in ('information_schema', 'public')
    loop
        execute format('grant usage on schema %I to tongban_app', s);
        execute format('grant select, insert, update, delete on all tables in schema %I to tongban_app', s);
        execute format('grant usage, select, update on all sequences in schema %I to tongban_app', s);
    end loop;
end $$;

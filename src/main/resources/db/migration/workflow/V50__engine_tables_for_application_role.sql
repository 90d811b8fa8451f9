-- Flowable creates and upgrades its own ACT_* tables (ADR 0003), and it does so through the application's pool, which
-- now connects as tongban_app (issue 9, finding 13): the role may create tables in the workflow schema, and owns the
-- engine's tables that an earlier version created as another login, so that an engine upgrade can alter them. The
-- inbox projection (ADR 0005) re-installs its trigger functions on those tables at every start, so the role owns
-- those functions too.
grant create on schema workflow to tongban_app;

do $$
declare
    t name;
    f regprocedure;
begin
    for t in select tablename from pg_tables
              where schemaname = 'workflow' and (tablename like 'act\_%' or tablename like 'flw\_%')
    loop
        execute format('alter table workflow.%I owner to tongban_app', t);
    end loop;
    for f in select p.oid::regprocedure from pg_proc p join pg_namespace n on n.oid = p.pronamespace
              where n.nspname = 'workflow' and p.proname like 'task\_inbox\_%'
    loop
        execute format('alter function %s owner to tongban_app', f);
    end loop;
exception when insufficient_privilege then
    raise warning 'The Flowable tables and the inbox functions keep their owner: give them to tongban_app (ADR 0014)';
end $$;

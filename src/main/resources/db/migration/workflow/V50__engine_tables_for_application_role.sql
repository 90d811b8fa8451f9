-- Flowable creates and upgrades its own ACT_* tables (ADR 0003), and it does so through the application's pool, which
-- now connects as tongban_app (issue 9, finding 13): the role may create tables in the workflow schema, and owns the
-- engine's tables that an earlier version created as another login, so that an engine upgrade can alter them.
grant create on schema workflow to tongban_app;

do $$
declare
    t name;
begin
    for t in select tablename from pg_tables
              where schemaname = 'workflow' and (tablename like 'act\_%' or tablename like 'flw\_%')
    loop
        execute format('alter table workflow.%I owner to tongban_app', t);
    end loop;
exception when insufficient_privilege then
    raise warning 'The Flowable tables keep their owner: give them to tongban_app before the next engine upgrade';
end $$;

-- The workflow module's schema. Flowable creates and upgrades its own ACT_* tables here (ADR 0003); the
-- connection's search_path names this schema first so that the engine's unqualified DDL lands in it.
create schema if not exists workflow;

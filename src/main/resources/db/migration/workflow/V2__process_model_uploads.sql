-- Who uploaded which version of a process model, and when. Flowable keeps the model itself (ACT_RE_*); this table
-- adds what the engine does not record: the manager and the file they uploaded.
create table workflow.process_model_upload (
    deployment_id   text primary key,
    process_key     text not null,
    process_version integer not null,
    file_name       text not null,
    size_bytes      integer not null,
    uploaded_by     uuid not null,
    uploaded_at     timestamptz not null,
    unique (process_key, process_version)
);

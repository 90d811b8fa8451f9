-- The event publication registry of Spring Modulith: one row per listener and event, so that a crash loses nothing.
create schema if not exists events;
create table events.event_publication (
    id                     uuid primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamptz
);
create index event_publication_by_completion on events.event_publication (completion_date);
create index event_publication_serialized_event_hash on events.event_publication using hash (serialized_event);
create table events.event_publication_archive (like events.event_publication including all);

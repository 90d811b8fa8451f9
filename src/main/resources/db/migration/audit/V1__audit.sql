create schema if not exists audit;

-- The audit trail: append-only, each row chained to the previous one with SM3 (GB/T 39786 8.4 g, 等保 level 3 audit).
create table audit.audit_event (
    seq         bigint primary key,
    occurred_at timestamptz not null,
    code        text        not null,
    actor       text,
    subject     text        not null,
    result      text        not null,
    details     text        not null,
    prev_hash   text        not null,
    hash        text        not null
);
create index audit_event_by_actor on audit.audit_event (actor, seq desc);
create index audit_event_by_code on audit.audit_event (code, seq desc);

-- One row holds the head of the chain; appending locks it, so the chain stays linear across nodes.
create table audit.chain_head (
    id       integer primary key check (id = 1),
    last_seq bigint not null,
    hash     text   not null
);
insert into audit.chain_head (id, last_seq, hash) values (1, 0, repeat('0', 64));

create function audit.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit.audit_event is append-only';
end $$;
create trigger audit_event_append_only before update or delete on audit.audit_event
    for each row execute function audit.refuse_change();
create trigger audit_event_no_truncate before truncate on audit.audit_event
    for each statement execute function audit.refuse_change();

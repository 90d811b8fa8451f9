-- The auditor's search (/console/audit): by object, and by time for a range of days. Code and actor have theirs.
create index audit_event_by_subject on audit.audit_event (subject, seq desc);
create index audit_event_by_time on audit.audit_event (occurred_at);

-- Rate-limit counters shared by every node (issue 9, finding 9): one row per limited thing (an IP address, a phone,
-- an identifier) and rule, counting hits in a fixed window. The key is an HMAC of the thing, never the thing itself:
-- a phone number or an IP address is personal data. Rows whose window has ended are deleted by a scheduled job.
create table platform.rate_limit (
    key         text primary key,
    hits        integer     not null,
    window_ends timestamptz not null
);
create index rate_limit_by_window_end on platform.rate_limit (window_ends);

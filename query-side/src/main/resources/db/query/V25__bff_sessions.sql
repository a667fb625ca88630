-- Issue 13, the browser's sign-in through the query side: its sessions (the sign-in and its tokens, serialized),
-- shared by every query-side instance and kept across restarts. Rows past expires_at are deleted as new sessions
-- start.
create table bff_sessions (
    id                   varchar(64) primary key,
    created_at           timestamptz not null,
    last_accessed_at     timestamptz not null,
    max_inactive_seconds integer     not null,
    expires_at           timestamptz not null,
    attributes           bytea       not null
);

create index bff_sessions_expiry on bff_sessions (expires_at);

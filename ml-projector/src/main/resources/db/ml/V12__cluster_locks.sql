-- Jobs that run once per cluster (OncePerCluster, in ShedLock's layout): one row per job, held by the instance
-- named in locked_by until lock_until (database time, UTC); an instance that dies mid-run lets go at lock_until.
create table cluster_lock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

-- The high-water mark waits only for the transactions that took a global index (see HighWaterMark.java).
--
-- V2's fence waited until PostgreSQL's oldest running transaction was newer than the fence: any transaction of
-- the cluster that holds a transaction id (a projection's rebuild chunk, a long migration, another database's
-- batch job) held every reader's mark, so a hole left by a rolled-back append closed only once that unrelated
-- transaction ended. Now a writer takes a shared transaction-scoped advisory lock before its index; the lock is
-- released when the writer's transaction (or the savepoint that took it) ends, and pg_locks names every
-- transaction that holds it. A writer still takes its transaction id first, so V2's fence stays correct for an
-- instance that has not been upgraded yet.
create or replace function next_global_index() returns bigint
    language plpgsql volatile as
$$
begin
    perform pg_current_xact_id();
    -- 0x46465745_00000001: 'FFWE' in the high word, far from the keys hashtext() gives the other advisory locks.
    perform pg_advisory_xact_lock_shared(5063830784889061377);
    return nextval('events.domain_event_entry_global_index_seq');
end
$$;

-- One fence: the highest index handed out so far, then the (virtual) transactions that hold the writers' lock.
-- Every transaction that took an index up to `reserved` took the lock before it, so it is among `writers` or
-- has already ended. Once none of `writers` holds the lock any more, every index up to `reserved` is committed
-- or never will be. pg_locks is read live (not from a snapshot); virtual transaction ids are not reused.
create function high_water_writers(out reserved bigint, out writers text[])
    language plpgsql volatile as
$$
begin
    select case when is_called then last_value else 0 end into reserved
    from events.domain_event_entry_global_index_seq;
    select coalesce(array_agg(distinct l.virtualtransaction), '{}') into writers
    from pg_locks l
    where l.locktype = 'advisory' and l.granted and l.objsubid = 1
      and l.classid = 1179014981::oid and l.objid = 1::oid
      and l.database = (select oid from pg_database where datname = current_database());
end
$$;

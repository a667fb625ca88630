-- The high-water mark (see HighWaterMark.java): which global indexes can no longer be committed.
--
-- A writer takes its transaction id before its global index, so any transaction that holds an index has a
-- transaction id older than one assigned after the index was handed out. PostgreSQL's own default takes the
-- index first and the transaction id only when the row is written, which leaves a window a reader cannot see.
create function next_global_index() returns bigint
    language plpgsql volatile as
$$
begin
    perform pg_current_xact_id();
    return nextval('events.domain_event_entry_global_index_seq');
end
$$;

alter table domain_event_entry alter column global_index set default events.next_global_index();

-- One fence: the oldest transaction still running (as of now), then the highest index handed out so far, then a
-- transaction id newer than every transaction that can hold one of those indexes. Once the oldest running
-- transaction is newer than a fence, every index up to the fence's reserved index is committed or never will be.
-- Each step runs on a fresh snapshot (a volatile PL/pgSQL function at READ COMMITTED); the fence's own
-- transaction commits asynchronously, it writes nothing.
create function high_water_fence(out running_xmin bigint, out reserved bigint, out fence bigint)
    language plpgsql volatile as
$$
begin
    running_xmin := pg_snapshot_xmin(pg_current_snapshot())::text::bigint;
    select case when is_called then last_value else 0 end into reserved
    from events.domain_event_entry_global_index_seq;
    perform set_config('synchronous_commit', 'off', true);
    fence := pg_current_xact_id()::text::bigint;
end
$$;

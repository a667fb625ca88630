package dev.finflow.runtime.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.PreparedStatement;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The highest global index at or below which every index is decided: its event is committed, or the transaction
 * that took it has ended without committing (a rolled-back insert, a killed writer) so it stays a hole for good.
 * <p>
 * PostgreSQL hands out global indexes when rows are inserted, not when they commit, so a reader can see index
 * 12 before 11. Whether 11 may still come is a fact the database knows: the transaction that took it is either
 * still running or not. Every writer takes a shared advisory lock before its index (see
 * {@code V3__high_water_writers.sql}), held until its transaction ends. Each fence records the highest index
 * handed out and then the transactions holding that lock: every transaction that can hold one of those indexes
 * is among them or has ended. Once none of them holds the lock any more, everything a read then does not see up
 * to the fence's index is a hole. Neither a count of later events nor an event's timestamp says this; a long
 * appending transaction simply holds the mark, and no other transaction does (V2's fence waited for the oldest
 * transaction of the whole cluster, so a long rebuild chunk or an unrelated batch job held every reader).
 * <p>
 * Fences are taken at most once per {@code refreshNanos}, shared by every reader of this process. A value
 * computed before a read is always safe to use for it: the mark only ever moves up.
 */
final class HighWaterMark {

    private record Fence(long reserved, Set<String> writers) {
    }

    private final DataSource dataSource;
    private final long refreshNanos;
    private final Deque<Fence> pending = new ArrayDeque<>();
    private long settled = 0;
    private long lastFence = System.nanoTime() - Long.MAX_VALUE / 2;
    private long head = -1;
    private long lastHead = System.nanoTime() - Long.MAX_VALUE / 2;

    HighWaterMark(DataSource dataSource, long refreshNanos) {
        this.dataSource = dataSource;
        this.refreshNanos = refreshNanos;
    }

    /** Every index at or below the answer is committed (visible to any later read) or a hole for good. */
    synchronized long settledThrough() {
        if (System.nanoTime() - lastFence >= refreshNanos) {
            takeFence();
        }
        return settled;
    }

    private void takeFence() {
        // Its own connection in auto-commit: a fence inside a caller's transaction would wait for that transaction.
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            try (ResultSet row = statement.executeQuery("select reserved, writers from events.high_water_writers()")) {
                row.next();
                long reserved = row.getLong(1);
                Set<String> writers = new HashSet<>(Arrays.asList((String[]) row.getArray(2).getArray()));
                settle(writers);
                if (writers.isEmpty()) {
                    settled = Math.max(settled, reserved);
                } else if (!pending.isEmpty() && pending.peekLast().writers().equals(writers)) {
                    // The same writers still running (a long append): one fence settles when they have ended.
                    pending.pollLast();
                    pending.addLast(new Fence(reserved, writers));
                } else {
                    pending.addLast(new Fence(reserved, writers));
                }
            }
            lastFence = System.nanoTime();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the event store's high-water mark", e);
        }
    }

    /**
     * Settles through the newest pending fence none of whose writers is still among {@code running}. An older
     * fence's writers that are still running hold a newer fence too, so the fences settle in order.
     */
    private void settle(Set<String> running) {
        Fence newestEnded = null;
        for (Fence fence : pending) {
            if (Collections.disjoint(fence.writers(), running)) {
                newestEnded = fence;
            }
        }
        if (newestEnded == null) {
            return;
        }
        while (pending.peekFirst() != newestEnded) {
            pending.pollFirst();
        }
        settled = Math.max(settled, pending.pollFirst().reserved());
    }

    /**
     * The highest global index committed (as far as a read now sees), read at most once per {@code maxAgeNanos}
     * for all callers of this process: a cheap way to tell whether a caught-up reader has anything new to read.
     */
    synchronized long committedHead(long maxAgeNanos) {
        if (System.nanoTime() - lastHead >= maxAgeNanos) {
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery(
                         "select coalesce(max(global_index), -1) from events.domain_event_entry")) {
                row.next();
                head = row.getLong(1);
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the event store's head", e);
            }
            lastHead = System.nanoTime();
        }
        return head;
    }

    /** Those of {@code gaps} that will never hold an event: at or below the mark, and not committed. */
    SortedSet<Long> holesAmong(SortedSet<Long> gaps) {
        SortedSet<Long> holes = new TreeSet<>(gaps.headSet(settledThrough() + 1));
        if (holes.isEmpty()) {
            return holes;
        }
        // Read after the mark was taken, on a fresh snapshot: what is not visible now never will be.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select global_index from events.domain_event_entry where global_index = any(?)")) {
            statement.setArray(1, connection.createArrayOf("bigint", holes.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    holes.remove(rows.getLong(1));
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look for holes in the event store", e);
        }
        return holes;
    }
}

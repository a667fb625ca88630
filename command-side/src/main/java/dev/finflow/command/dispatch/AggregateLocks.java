package dev.finflow.command.dispatch;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Striped locks by aggregate id, held from before a command is handled until its database transaction has
 * committed or rolled back. Axon's own aggregate lock ends with the command's unit of work, before the outer
 * transaction commits; without this, a second command could build on the first one's cached but uncommitted
 * events, and a rollback of the first would leave a hole in the aggregate's event stream.
 */
final class AggregateLocks {

    private final ReentrantLock[] stripes;

    AggregateLocks(int stripes) {
        this.stripes = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new ReentrantLock();
        }
    }

    /** Locks every stripe the ids fall in, in stripe order so that two batches cannot deadlock. */
    Runnable lock(List<String> aggregateIds) {
        int[] indexes = aggregateIds.stream().mapToInt(this::stripe).distinct().sorted().toArray();
        for (int index : indexes) {
            stripes[index].lock();
        }
        return () -> {
            for (int i = indexes.length - 1; i >= 0; i--) {
                stripes[indexes[i]].unlock();
            }
        };
    }

    private int stripe(String aggregateId) {
        return Math.floorMod(aggregateId.hashCode(), stripes.length);
    }
}

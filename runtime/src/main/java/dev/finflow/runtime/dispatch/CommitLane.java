package dev.finflow.runtime.dispatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One thread that takes every job waiting in its queue and hands them on as one group. Each aggregate always
 * goes to the same lane, so its commands are handled one after another and a group never builds on another
 * group's uncommitted events.
 */
final class CommitLane implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(CommitLane.class);

    private final BlockingQueue<Job> queue;
    private final int maxGroup;
    private final Consumer<List<Job>> runGroup;
    private final Thread thread;
    private volatile boolean running = true;

    CommitLane(String name, int capacity, int maxGroup, Consumer<List<Job>> runGroup) {
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.maxGroup = maxGroup;
        this.runGroup = runGroup;
        this.thread = new Thread(this, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void submit(Job job) {
        if (!queue.offer(job)) {
            throw new RejectedExecutionException("commit lane " + thread.getName() + " is full");
        }
    }

    void stop() {
        running = false;
        thread.interrupt();
    }

    @Override
    public void run() {
        List<Job> group = new ArrayList<>(maxGroup);
        while (running) {
            try {
                Job first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, maxGroup - 1);
                runGroup.accept(group);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException unexpected) {
                log.error("commit group failed unexpectedly", unexpected);
                group.forEach(job -> job.result.completeExceptionally(unexpected));
            } finally {
                group.clear();
            }
        }
        queue.forEach(job -> job.result.completeExceptionally(new RejectedExecutionException("shutting down")));
    }
}

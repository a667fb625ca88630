package dev.finflow.runtime.store;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Reads the event store for an event processor in batches, at most once per {@code interval} once it has caught
 * up. Axon's embedded event store instead wakes its reader on every local commit and reads again as soon as it
 * found anything, which under load means one query per handful of events. For a processor that reacts to few
 * of the events (the transfer process) a short delay is worth far less than that CPU.
 * <p>
 * When a read finds nothing new but the processor still waits on gaps that the high-water mark proves to be holes
 * (see {@link BufferingEventStorageEngine#skipHoles}), the stream hands out a {@link HolesSkipped} marker whose
 * token no longer lists them: without it the processor's position would stay below a hole until the next event.
 * <p>
 * A caught-up stream also tells its processor when to come back (Axon's availability callback): once per
 * {@code interval} it compares its position with the store's committed head (one shared query per interval) and
 * wakes the processor when it is behind or still waits on gaps. Without the callback Axon's pooled processor
 * checks a caught-up stream only every 500 ms, which alone put half a second between a write and a read that
 * waits for it.
 */
public final class PollingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    /** One thread for every stream of the process: it only compares positions and schedules wake-ups. */
    private static final ScheduledExecutorService WATCHER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "finflow-event-watcher");
        thread.setDaemon(true);
        return thread;
    });

    private final BufferingEventStorageEngine storage;
    private final long intervalNanos;

    public PollingEventSource(BufferingEventStorageEngine storage, Duration interval) {
        this.storage = storage;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new PollingStream(trackingToken);
    }

    @Override
    public TrackingToken createTailToken() {
        return storage.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return storage.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return storage.createTokenAt(dateTime);
    }

    private final class PollingStream implements BlockingStream<TrackedEventMessage<?>> {

        private volatile TrackingToken lastToken;
        private volatile boolean wake;
        private ScheduledFuture<?> watch;
        private Stream<? extends TrackedEventMessage<?>> batch;
        private Iterator<? extends TrackedEventMessage<?>> iterator;
        private TrackedEventMessage<?> next;
        private long lastFetch = System.nanoTime() - intervalNanos;
        private volatile boolean closed;

        private PollingStream(TrackingToken from) {
            this.lastToken = from;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(advance() ? next : null);
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (!advance()) {
                long now = System.nanoTime();
                if (wake || now - lastFetch >= intervalNanos) {
                    fetch();
                    continue;
                }
                long nextFetch = lastFetch + intervalNanos;
                if (nextFetch > deadline || closed) {
                    return false;
                }
                TimeUnit.NANOSECONDS.sleep(nextFetch - now);
            }
            return true;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
                if (closed) {
                    throw new IllegalStateException("stream closed");
                }
            }
            TrackedEventMessage<?> message = next;
            next = null;
            lastToken = message.trackingToken();
            return message;
        }

        @Override
        public synchronized boolean setOnAvailableCallback(Runnable callback) {
            if (watch != null) {
                watch.cancel(false);
            }
            watch = WATCHER.scheduleWithFixedDelay(() -> wakeIfBehind(callback), intervalNanos, intervalNanos,
                    TimeUnit.NANOSECONDS);
            return true;
        }

        /** Runs on the watcher thread: the next availability check reads the store at once. */
        private void wakeIfBehind(Runnable callback) {
            if (closed) {
                return;
            }
            try {
                TrackingToken token = lastToken;
                boolean waitsOnGaps = token instanceof GapAwareTrackingToken gapAware && !gapAware.getGaps().isEmpty();
                long position = token == null ? -1 : token.position().orElse(-1);
                if (waitsOnGaps || storage.committedHead(intervalNanos) > position) {
                    wake = true;
                    callback.run();
                }
            } catch (RuntimeException e) {
                // The database may be away for a moment; the processor's own checks go on, and so does this one.
                wake = true;
            }
        }

        @Override
        public synchronized void close() {
            closed = true;
            if (watch != null) {
                watch.cancel(false);
            }
            closeBatch();
        }

        private boolean advance() {
            if (next == null && iterator != null) {
                if (iterator.hasNext()) {
                    next = iterator.next();
                } else {
                    // Axon's stream queries again when asked once more after its end: drop it until the next fetch.
                    closeBatch();
                }
            }
            return next != null;
        }

        private void closeBatch() {
            if (batch != null) {
                batch.close();
            }
            batch = null;
            iterator = null;
        }

        /** Reads everything after the last event handed out; the next fetch waits for the interval. */
        private void fetch() {
            closeBatch();
            wake = false;
            lastFetch = System.nanoTime();
            batch = storage.readEvents(lastToken, false);
            iterator = batch.iterator();
            if (!advance() && lastToken instanceof GapAwareTrackingToken waiting && !waiting.getGaps().isEmpty()) {
                TrackingToken skipped = storage.skipHoles(waiting);
                if (skipped != waiting) {
                    List<Long> holes = new ArrayList<>(waiting.getGaps());
                    holes.removeAll(((GapAwareTrackingToken) skipped).getGaps());
                    next = HolesSkipped.message(skipped, holes);
                }
            }
        }
    }
}

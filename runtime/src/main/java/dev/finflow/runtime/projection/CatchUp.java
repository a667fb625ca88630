package dev.finflow.runtime.projection;

import dev.finflow.runtime.deadletters.DeadLetters;
import dev.finflow.runtime.store.GlobalIndex;
import dev.finflow.runtime.store.HolesSkipped;
import dev.finflow.runtime.store.PollingEventSource;
import io.micrometer.core.instrument.Counter;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Brings projection versions that are far behind the store (a rebuild, a first start on a large store) up to
 * near its head with one read of the store for all of them, instead of one processor per version each reading
 * and deserializing every event. Each event is read and deserialized once; each version applies the same chunk
 * of events in its own transaction together with its segments' tokens, exactly as its processor would (the
 * same filtering, dead letters and exactly-once). When the store has nothing more to give right away, the
 * catch-up releases the tokens and the versions' own processors go on from them.
 * <p>
 * It holds the claims of every segment of its versions while it runs, so no processor (of this instance or
 * another) applies them at the same time; a version whose segments another instance holds is left to its
 * processors. Per segment it applies only what that segment's token does not cover yet, so versions that start
 * from different positions can share one read (the read starts at the lowest of their tokens).
 */
final class CatchUp {

    private static final Logger log = LoggerFactory.getLogger(CatchUp.class);
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final List<Member> members = new ArrayList<>();
    private final PollingEventSource source;
    private final ProjectionCatalog catalog;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final int chunkSize;
    private final long waitMillis;
    private final ExecutorService threads;
    private final Future<?> run;
    private final Counter read;
    private volatile boolean stopRequested;
    private volatile long readingNanos;
    private volatile long readingCpuNanos;

    /** One version being caught up: its processor's name, invoker and the token of each of its segments. */
    private static final class Member {
        final TableSet tables;
        final ProjectionInvoker invoker;
        final boolean globalOrder;
        final Segment[] segments;
        final TrackingToken[] tokens;
        volatile boolean failed;
        volatile long applyingNanos;
        volatile long applyingCpuNanos;

        Member(TableSet tables, ProjectionInvoker invoker, boolean globalOrder, int segmentCount) {
            this.tables = tables;
            this.invoker = invoker;
            this.globalOrder = globalOrder;
            int[] ids = IntStream.range(0, segmentCount).toArray();
            this.segments = IntStream.range(0, segmentCount).mapToObj(id -> Segment.computeSegment(id, ids))
                    .toArray(Segment[]::new);
            this.tokens = new TrackingToken[segmentCount];
        }

        String name() {
            return tables.processorName();
        }

        int segmentOf(EventMessage<?> event) {
            if (globalOrder) {
                return 0;
            }
            Object sequence = DeadLetters.sequenceOf(event);
            for (int i = 0; i < segments.length; i++) {
                if (segments[i].matches(sequence)) {
                    return i;
                }
            }
            throw new IllegalStateException("no segment of " + name() + " matches " + sequence);
        }
    }

    /** A version to catch up: its tables, the invoker its processor would use, and its segment count. */
    record Candidate(TableSet tables, ProjectionInvoker invoker, boolean globalOrder, int segments) {
    }

    /**
     * Claims the segments of every candidate it can (those whose segments another instance holds are left out)
     * and starts reading on its own threads; {@link #members()} names the versions it took.
     */
    CatchUp(List<Candidate> candidates, PollingEventSource source, ProjectionCatalog catalog, TokenStore tokenStore,
            TransactionManager transactions, int chunkSize, long waitMillis, Counter read) {
        this.read = read;
        this.catalog = catalog;
        this.source = source;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.chunkSize = chunkSize;
        this.waitMillis = waitMillis;
        for (Candidate candidate : candidates) {
            Member member = new Member(candidate.tables(), candidate.invoker(), candidate.globalOrder(),
                    candidate.segments());
            if (claim(member)) {
                members.add(member);
            }
        }
        // The run, its reader, and up to two versions applying at once.
        this.threads = Executors.newFixedThreadPool(Math.max(1, Math.min(members.size(), 2)) + 2, task -> {
            Thread thread = new Thread(task, "projection-catch-up");
            thread.setDaemon(true);
            return thread;
        });
        this.run = members.isEmpty() ? null : threads.submit(this::run);
        if (run == null) {
            threads.shutdown();
        }
    }

    /** The processor names of the versions this catch-up took. */
    List<String> members() {
        return members.stream().map(Member::name).toList();
    }

    boolean finished() {
        return run == null || run.isDone();
    }

    /** Asks it to stop after the chunk it is applying (its tokens are then stored), and waits for that. */
    void stop(long timeout, TimeUnit unit) {
        stopRequested = true;
        if (run != null) {
            try {
                run.get(timeout, unit);
            } catch (Exception e) {
                log.warn("catch-up of {} did not stop cleanly", members(), e);
            }
        }
        threads.shutdownNow();
    }

    /** Asks it to stop after the chunk it is applying, without waiting. */
    void requestStop() {
        stopRequested = true;
    }

    private boolean claim(Member member) {
        String name = member.name();
        int[] existing = tokenStore.fetchSegments(name);
        if (existing.length != 0 && !java.util.Arrays.equals(existing,
                IntStream.range(0, member.segments.length).toArray())) {
            return false; // split or merged by hand: its processors know its segments
        }
        try {
            transactions.executeInTransaction(() -> {
                if (tokenStore.fetchSegments(name).length == 0) {
                    tokenStore.initializeTokenSegments(name, member.segments.length, null);
                }
                for (int segment = 0; segment < member.segments.length; segment++) {
                    member.tokens[segment] = tokenStore.fetchToken(name, segment);
                }
            });
            return true;
        } catch (UnableToClaimTokenException e) {
            log.info("{} is held by another instance: its processors catch it up", name);
            release(member);
            return false;
        }
    }

    private void run() {
        long started = System.nanoTime();
        long events = 0;
        // One chunk read ahead is enough (the read is about four times faster than the applying). Each chunk in
        // flight is about 5 KB per event that outlives several young collections: more of them overflowed the
        // survivor space, and G1 copied every event into the old generation (docs/benchmarks.md, 8 Dec).
        BlockingQueue<List<TrackedEventMessage<?>>> chunks = new ArrayBlockingQueue<>(1);
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(lowestToken())) {
            Future<?> reader = threads.submit(() -> read(stream, chunks));
            while (true) {
                List<TrackedEventMessage<?>> chunk = chunks.take();
                if (chunk.isEmpty()) {
                    break;
                }
                apply(chunk);
                events += chunk.size();
                read.increment(chunk.size());
                if (members.stream().allMatch(member -> member.failed)) {
                    break;
                }
            }
            reader.cancel(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("catch-up of {} failed; their processors go on from the stored tokens", members(), e);
        } finally {
            if (!stopRequested) {
                // Caught up: a rebuilt version gets the indexes it was filled without before anyone may read it.
                members.stream().filter(member -> !member.failed).forEach(this::completeIndexes);
            }
            members.forEach(this::release);
            threads.shutdown();
            double seconds = (System.nanoTime() - started) / 1e9;
            // Wall time and this JVM's CPU time of each: the difference is mostly waiting for PostgreSQL.
            log.info("catch-up of {}: {} events in {} s ({} events/s); seconds (wall/CPU): reading {}, applying {}",
                    members(), events, String.format("%.1f", seconds),
                    String.format("%.0f", events / Math.max(seconds, 1e-3)), seconds(readingNanos, readingCpuNanos), members.stream().map(member -> member.name() + " "
                            + seconds(member.applyingNanos, member.applyingCpuNanos)).toList());
        }
    }

    /**
     * Reads chunks until the store has nothing more right away or a stop is requested; an empty chunk ends it.
     * Each payload a member reads is deserialized here, once, so the members share it.
     */
    private void read(BlockingStream<TrackedEventMessage<?>> stream, BlockingQueue<List<TrackedEventMessage<?>>> chunks) {
        try {
            while (true) {
                List<TrackedEventMessage<?>> chunk = new ArrayList<>(chunkSize);
                long started = System.nanoTime();
                long cpu = CPU.getCurrentThreadCpuTime();
                while (!stopRequested && chunk.size() < chunkSize
                        && stream.hasNextAvailable((int) waitMillis, TimeUnit.MILLISECONDS)) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    deserialize(event);
                    chunk.add(event);
                }
                readingNanos += System.nanoTime() - started;
                readingCpuNanos += CPU.getCurrentThreadCpuTime() - cpu;
                if (chunk.isEmpty()) {
                    chunks.put(chunk);
                    return;
                }
                chunks.put(chunk);
                if (chunk.size() < chunkSize) {
                    chunks.put(List.of());
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("catch-up could not read the store", e);
            try {
                chunks.put(List.of());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void deserialize(TrackedEventMessage<?> event) {
        if (members.stream().anyMatch(member -> member.invoker.takes(event))) {
            try {
                event.getPayload();
                event.getMetaData();
            } catch (RuntimeException e) {
                // An event this version cannot read: each member makes it a dead letter as its processor would.
            }
        }
    }

    /** Applies the chunk to every member at once (each in its own transaction); waits for all. */
    private void apply(List<TrackedEventMessage<?>> chunk) throws InterruptedException {
        TrackingToken last = chunk.get(chunk.size() - 1).trackingToken();
        List<Future<?>> applying = new ArrayList<>();
        for (Member member : members) {
            if (!member.failed) {
                applying.add(threads.submit(() -> apply(member, chunk, last)));
            }
        }
        for (Future<?> future : applying) {
            try {
                future.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /**
     * Applies to one member what its segments' tokens do not cover yet, and stores the tokens in the same
     * transaction. A failure (e.g. the claim lost to another instance) rolls that back and drops the member: its
     * processor goes on from its stored tokens.
     */
    private void apply(Member member, List<TrackedEventMessage<?>> chunk, TrackingToken last) {
        long started = System.nanoTime();
        long cpu = CPU.getCurrentThreadCpuTime();
        try {
            applyTimed(member, chunk, last);
        } finally {
            member.applyingNanos += System.nanoTime() - started;
            member.applyingCpuNanos += CPU.getCurrentThreadCpuTime() - cpu;
        }
    }

    private void applyTimed(Member member, List<TrackedEventMessage<?>> chunk, TrackingToken last) {
        TrackingToken[] tokens = member.tokens.clone();
        List<List<Long>> filled = new ArrayList<>();
        for (int segment = 0; segment < tokens.length; segment++) {
            filled.add(new ArrayList<>());
        }
        List<EventMessage<?>> taken = new ArrayList<>();
        for (TrackedEventMessage<?> event : chunk) {
            if (HolesSkipped.class.equals(event.getPayloadType())) {
                continue;
            }
            // The read hands out each index once: what the token did not cover before the chunk is new.
            int segment = member.segmentOf(event);
            long index = GlobalIndex.of(event);
            if (!covers(tokens[segment], index)) {
                filled.get(segment).add(index);
                if (member.invoker.takes(event)) {
                    taken.add(event);
                }
            }
        }
        for (int segment = 0; segment < tokens.length; segment++) {
            if (position(last) >= position(tokens[segment])) {
                // The read has passed the segment's token: its token covers all the segment has applied.
                tokens[segment] = last;
            } else {
                // Still below it: only gaps of the segment's token were filled.
                for (long index : filled.get(segment)) {
                    tokens[segment] = ((GapAwareTrackingToken) tokens[segment]).advanceTo(index, Integer.MAX_VALUE);
                }
            }
        }
        try {
            transactions.executeInTransaction(() -> {
                if (!taken.isEmpty()) {
                    member.invoker.flush(taken);
                }
                for (int segment = 0; segment < tokens.length; segment++) {
                    tokenStore.storeToken(tokens[segment], member.name(), segment);
                }
            });
            System.arraycopy(tokens, 0, member.tokens, 0, tokens.length);
        } catch (RuntimeException e) {
            log.warn("catch-up of {} stopped; its processors go on from its stored tokens", member.name(), e);
            member.failed = true;
        }
    }

    private void completeIndexes(Member member) {
        try {
            long started = System.nanoTime();
            catalog.completeIndexes(member.tables);
            log.info("{}: indexes complete ({} ms)", member.name(), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("{}: could not build its indexes; they are built when its processor starts", member.name(), e);
        }
    }

    private void release(Member member) {
        for (int segment = 0; segment < member.segments.length; segment++) {
            try {
                tokenStore.releaseClaim(member.name(), segment);
            } catch (RuntimeException e) {
                log.debug("could not release {} segment {}", member.name(), segment, e);
            }
        }
    }

    /** A token covered by every member's segment tokens: the read starts there. Null is the store's start. */
    private TrackingToken lowestToken() {
        TrackingToken lowest = null;
        boolean first = true;
        for (Member member : members) {
            for (TrackingToken token : member.tokens) {
                if (token == null) {
                    return null;
                }
                lowest = first ? token : lowest.lowerBound(token);
                first = false;
            }
        }
        return lowest;
    }

    /** Wall seconds and, after a slash, CPU seconds: {@code 12.3/4.5}. */
    private static String seconds(long wallNanos, long cpuNanos) {
        return String.format("%.1f/%.1f", wallNanos / 1e9, cpuNanos / 1e9);
    }

    private static boolean covers(TrackingToken token, long index) {
        if (token == null) {
            return false;
        }
        if (token instanceof GapAwareTrackingToken gapAware) {
            return index <= gapAware.getIndex() && !gapAware.getGaps().contains(index);
        }
        return index <= position(token);
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}

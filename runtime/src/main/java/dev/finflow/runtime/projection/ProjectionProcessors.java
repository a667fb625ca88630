package dev.finflow.runtime.projection;

import dev.finflow.runtime.store.PollingEventSource;
import dev.finflow.runtime.store.TokenPositions;
import dev.finflow.runtime.observability.EventTracing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import dev.finflow.runtime.store.BufferingEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs one Axon pooled streaming processor per projection version that should run (the active one and, during a
 * rebuild, the one being built), and keeps that set in line with {@code projection_version} by re-reading it every
 * {@code reconcile-interval}. Each processor has its own token, its own threads and reads the store through a
 * {@link PollingEventSource}. Instances that run side by side take a fair share of the segments each.
 * <p>
 * A version that is far behind the store before its processor starts (a rebuild, a first start on a large store)
 * is first caught up by a {@link CatchUp}, which reads the store once for all such versions; its processor starts
 * from where that left it.
 */
public final class ProjectionProcessors implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionProcessors.class);

    private final ProjectionCatalog catalog;
    private final ProjectionProperties properties;
    private final BufferingEventStorageEngine storage;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final ProjectionDeadLetters deadLetters;
    private final MeterRegistry meters;
    private final ProjectionMonitor monitor;
    private final Instances instances;
    private final EventTracing tracing;
    private final Map<String, Running> running = new HashMap<>();
    private CatchUp catchUp;
    private ScheduledExecutorService reconciler;
    private volatile boolean started;

    private record Running(TableSet tables, PooledStreamingEventProcessor processor, int segments,
                           ScheduledExecutorService coordinator, ScheduledExecutorService workers) {
    }

    ProjectionProcessors(ProjectionCatalog catalog, ProjectionProperties properties, BufferingEventStorageEngine storage,
                         TokenStore tokenStore, TransactionManager transactionManager,
                         ProjectionDeadLetters deadLetters, MeterRegistry meters, ProjectionMonitor monitor, Instances instances,
                         EventTracing tracing) {
        this.tracing = tracing;
        this.catalog = catalog;
        this.properties = properties;
        this.storage = storage;
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.monitor = monitor;
        this.instances = instances;
    }

    @Override
    public synchronized void start() {
        catalog.initialise();
        reconcile();
        retryUnreadableQuietly();
        reconciler = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("projection-reconcile-"));
        long every = properties.reconcileInterval().toMillis();
        reconciler.scheduleWithFixedDelay(this::reconcileQuietly, every, every, TimeUnit.MILLISECONDS);
        started = true;
    }

    @Override
    public synchronized void stop() {
        started = false;
        if (reconciler != null) {
            reconciler.shutdownNow();
        }
        if (catchUp != null) {
            catchUp.stop(30, TimeUnit.SECONDS);
        }
        // All at once: one after another, shutting down took the sum of every processor's shutdown.
        Map<String, CompletableFuture<Void>> stopping = new HashMap<>();
        running.forEach((name, run) -> stopping.put(name, run.processor().shutdownAsync()));
        stopping.forEach(this::awaitStopped);
        instances.leave();
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /**
     * Starts building a fresh copy of {@code projection} beside the live one; answers the version being built.
     * With {@code autoSwap} it replaces the live copy as soon as it has caught up, otherwise on {@link #swap}.
     */
    public int rebuild(String projection, boolean autoSwap) {
        int version = catalog.startRebuild(projection, monitor.head(), autoSwap);
        reconcileQuietly();
        return version;
    }

    /** Replaces the live copy by the rebuilt one if that has caught up; answers whether it did. */
    public synchronized boolean swap(String projection) {
        reconcile();
        boolean swapped = monitor.swapIfCaughtUp(catalog, projection);
        reconcile();
        return swapped;
    }

    /** What an older version could not read, this one may: after an upgrade its letters apply by themselves. */
    private void retryUnreadableQuietly() {
        try {
            deadLetters.retryUnreadable();
        } catch (RuntimeException e) {
            log.warn("could not retry the dead letters an older version could not read; retry them by hand", e);
        }
    }

    private void reconcileQuietly() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            log.warn("could not reconcile projections; trying again shortly", e);
        }
    }

    private synchronized void reconcile() {
        int liveInstances = instances.heartbeat();
        catalog.refresh();
        catalog.dropRetired((int) properties.retiredGrace().toSeconds());
        Map<String, Long> positions = monitor.readPositions();
        long head = monitor.head();
        Set<String> catchingUp = catchUp == null || catchUp.finished() ? Set.of() : Set.copyOf(catchUp.members());
        Set<String> wanted = new HashSet<>();
        List<CatchUp.Candidate> behind = new ArrayList<>();
        for (Projection projection : catalog.projections()) {
            catalog.versions(projection.name()).ifPresent(row -> {
                List<Integer> versions = row.building() == null ? List.of(row.active())
                        : List.of(row.active(), row.building());
                for (int version : versions) {
                    TableSet tables = catalog.tableSet(projection.name(), version);
                    String name = tables.processorName();
                    wanted.add(name);
                    if (catchingUp.contains(name)) {
                        continue;
                    }
                    if (!running.containsKey(name)
                            && head - positions.getOrDefault(name, TokenPositions.NONE) > properties.catchUpBehind()) {
                        behind.add(new CatchUp.Candidate(tables, invoker(projection, tables),
                                projection.needsGlobalOrder(), segments(projection)));
                    } else {
                        start(projection, tables);
                    }
                }
            });
        }
        running.keySet().stream().filter(name -> !wanted.contains(name)).toList().forEach(this::stopProcessor);
        catchUp(behind, catchingUp);
        monitor.observe(catalog);
        monitor.swapCaughtUpRebuilds(catalog);
        running.values().forEach(run -> instances.shareOut(run.processor(), run.segments(), liveInstances));
    }

    /**
     * Catches up the versions far behind in one read; while another catch-up runs, asks it to stop after its
     * chunk, so that the next reconciliation reads once for all of them. A version this instance cannot claim
     * (another instance holds it) starts its processor.
     */
    private void catchUp(List<CatchUp.Candidate> behind, Set<String> catchingUp) {
        if (behind.isEmpty()) {
            return;
        }
        if (!catchingUp.isEmpty()) {
            catchUp.requestStop();
            return;
        }
        catchUp = new CatchUp(behind, new PollingEventSource(storage, properties.pollInterval()), catalog, tokenStore,
                transactionManager, properties.catchUpBatchSize(), 2 * properties.pollInterval().toMillis(),
                Counter.builder("finflow.projection.catch-up.events")
                        .description("events read once for all the versions a catch-up brought up to the store")
                        .register(meters));
        Set<String> taken = Set.copyOf(catchUp.members());
        log.info("catching up {} in one read of the store", taken);
        for (CatchUp.Candidate candidate : behind) {
            if (!taken.contains(candidate.tables().processorName())) {
                catalog.projection(candidate.tables().projection()).ifPresent(p -> start(p, candidate.tables()));
            }
        }
    }

    private int segments(Projection projection) {
        return projection.needsGlobalOrder() ? 1 : properties.segments();
    }

    private ProjectionInvoker invoker(Projection projection, TableSet tables) {
        Counter applied = Counter.builder("finflow.projection.events.applied")
                .description("events applied by a projection").tag("projection", projection.name())
                .register(meters);
        return new ProjectionInvoker(projection, tables, deadLetters.of(tables), deadLetters.applier(tables), applied,
                tracing);
    }

    private void start(Projection projection, TableSet tables) {
        String name = tables.processorName();
        if (!running.containsKey(name)) {
            // A rebuild fills its tables without secondary indexes; a catch-up builds them when it ends, this
            // when a version is too close to the store's head for one (or a catch-up stopped early).
            catalog.completeIndexes(tables);
            int segments = segments(projection);
            instances.register(name, segments);
            ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor(
                    new CustomizableThreadFactory("projection-" + name + "-coordinator-"));
            ScheduledExecutorService workers = Executors.newScheduledThreadPool(segments,
                    new CustomizableThreadFactory("projection-" + name + "-worker-"));
            PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                    .name(name)
                    .eventHandlerInvoker(invoker(projection, tables))
                    .messageSource(new PollingEventSource(storage, properties.pollInterval()))
                    .tokenStore(tokenStore)
                    .transactionManager(transactionManager)
                    .coordinatorExecutor(coordinator)
                    .workerExecutor(workers)
                    .initialSegmentCount(segments)
                    .initialToken(StreamableMessageSource::createTailToken)
                    .batchSize(properties.batchSize())
                    .tokenClaimInterval(1000)
                    .claimExtensionThreshold(2000)
                    .maxSegmentProvider(instances::maxSegments)
                    // A batch that failed transiently is rolled back and retried (with back-off), never skipped;
                    // an event that cannot be applied is a dead letter (ProjectionInvoker).
                    .errorHandler(PropagatingErrorHandler.instance())
                    .build();
            processor.start();
            running.put(name, new Running(tables, processor, segments, coordinator, workers));
            log.info("projection processor {} started ({} segments)", name, segments);
        }
    }

    private void stopProcessor(String name) {
        awaitStopped(name, running.get(name).processor().shutdownAsync());
    }

    private void awaitStopped(String name, CompletableFuture<Void> shutdown) {
        Running run = running.remove(name);
        try {
            shutdown.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("projection processor {} did not stop cleanly", name, e);
        } finally {
            run.coordinator().shutdownNow();
            run.workers().shutdownNow();
        }
        log.info("projection processor {} stopped", name);
    }
}

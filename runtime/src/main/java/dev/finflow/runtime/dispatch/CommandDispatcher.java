package dev.finflow.runtime.dispatch;

import dev.finflow.problems.RuleViolation;
import dev.finflow.runtime.store.BufferingEventStorageEngine;
import dev.finflow.runtime.observability.EventTracing;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import jakarta.annotation.PreDestroy;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

/**
 * The one way commands enter the write model, with group commit. Commands wait in one of a few lanes (chosen by
 * aggregate); a lane handles everything waiting in it as one database transaction, so concurrent commands share
 * the commit, one batch insert of their events and the position lookup. A refused command writes nothing and
 * does not disturb its group; a batch is all or nothing within it. If the group fails in the database (a concurrent writer took an
 * aggregate sequence number, the connection broke), it is rolled back and each job is run again on its own,
 * on fresh state. A refusal is confirmed on fresh state too before it is answered, since the cached aggregate
 * may be behind another replica; cached aggregates another replica has written to are reloaded before a group
 * decides ({@link StaleCacheCheck}).
 */
@Component
public class CommandDispatcher {

    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);
    private static final int ATTEMPTS = 4;
    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private final CommandGateway gateway;
    private final EventTracing tracing;
    private final BufferingEventStorageEngine storage;
    private final TransactionTemplate transactions;
    private final EventPositions positions;
    private final List<Cache> aggregateCaches;
    private final CommandTargetResolver targets;
    private final StaleCacheCheck staleCache;
    private final List<CommitLane> lanes = new ArrayList<>();

    CommandDispatcher(CommandGateway gateway, BufferingEventStorageEngine storage,
                      PlatformTransactionManager transactionManager, EventPositions positions,
                      List<Cache> aggregateCaches, CommandTargetResolver targets, DispatchProperties properties,
                      StaleCacheCheck staleCache, EventTracing tracing) {
        this.gateway = gateway;
        this.tracing = tracing;
        this.staleCache = staleCache;
        this.storage = storage;
        this.targets = targets;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.positions = positions;
        this.aggregateCaches = aggregateCaches;
        for (int i = 0; i < properties.lanes(); i++) {
            lanes.add(new CommitLane("commit-lane-" + i, properties.queue(), properties.maxGroup(), this::runGroup));
        }
    }

    /**
     * Sends one command. The message is made on the caller's thread, so when the caller handles an event, the
     * command inherits its principal and correlation and names it as its cause.
     */
    public Mono<Recorded> send(Object command, MetaData metaData) {
        return submit(List.of(command), metaData, false).map(recorded -> recorded.get(0));
    }

    /**
     * Sends commands for one aggregate as a unit: all are stored, or none (a {@link BatchItemFailed} names the
     * culprit).
     */
    public Mono<List<Recorded>> sendAll(List<?> commands, MetaData metaData) {
        return submit(commands, metaData, true);
    }

    @PreDestroy
    void stop() {
        lanes.forEach(CommitLane::stop);
    }

    /**
     * The job is made with the subscriber's observation (an HTTP request's) restored from its Reactor context, which
     * makes the request's span current for {@link #job}: with {@code spring.reactor.context-propagation=limited}
     * Reactor no longer restores thread-locals on every signal, so this is the one place on the way in that needs
     * them. A caller outside a reactive chain (a process handling an event, then blocking) has nothing there and
     * keeps its own current span.
     */
    private Mono<List<Recorded>> submit(List<?> commands, MetaData metaData, boolean batch) {
        return Mono.deferContextual(context -> {
            Job job;
            try (ContextSnapshot.Scope restored = SNAPSHOTS.setThreadLocalsFrom(context,
                    ObservationThreadLocalAccessor.KEY)) {
                job = job(commands, metaData, batch);
            }
            lanes.get(Math.floorMod(job.aggregateId.hashCode(), lanes.size())).submit(job);
            // The answer is encoded on the lane's thread: cheaper than another thread hop (measured).
            return Mono.fromFuture(job.result);
        });
    }

    /** Made on the caller's thread: the commands carry its current trace context (the lanes run other threads). */
    Job job(List<?> commands, MetaData metaData, boolean batch) {
        MetaData traced = metaData.mergedWith(tracing.currentContext());
        List<CommandMessage<?>> messages = commands.stream()
                .<CommandMessage<?>>map(command -> GenericCommandMessage.asCommandMessage(command)
                        .andMetaData(traced))
                .toList();
        String aggregateId = targets.resolveTarget(messages.get(0)).getIdentifier();
        for (CommandMessage<?> message : messages) {
            if (!targets.resolveTarget(message).getIdentifier().equals(aggregateId)) {
                throw new IllegalArgumentException("a batch must target one aggregate");
            }
        }
        return new Job(messages, aggregateId, batch);
    }

    void runGroup(List<Job> group) {
        List<Job> refused = new ArrayList<>();
        try {
            transactions.executeWithoutResult(status -> inBuffer(() -> {
                staleCache.evictStale(group);
                for (Job job : group) {
                    if (!handleInGroup(job)) {
                        refused.add(job);
                    }
                }
                storage.flush();
                positions.resolve(group.stream().filter(job -> job.outcomes != null).toList());
            }));
        } catch (RuntimeException groupFailure) {
            log.debug("commit group of {} failed, running each job alone: {}", group.size(), groupFailure.toString());
            group.forEach(this::evict);
            group.forEach(job -> runAlone(job, false));
            return;
        }
        for (Job job : group) {
            if (job.outcomes != null) {
                job.result.complete(positions.recorded(job));
            }
        }
        for (Job job : refused) {
            evict(job);
            runAlone(job, true);
        }
    }

    /**
     * Handles a job inside the group's transaction; false when it was refused. Its events wait in the storage
     * engine's buffer until the group flushes, so a refused batch is undone by dropping what it appended.
     */
    private boolean handleInGroup(Job job) {
        int mark = storage.buffered();
        try {
            job.outcomes = handle(job);
            return true;
        } catch (RuntimeException failure) {
            if (!isRefusal(failure)) {
                throw failure;
            }
            storage.truncate(mark);
            evict(job);
            return false;
        }
    }

    /** Runs {@code work} with appends buffered on this thread, dropping the buffer if it fails. */
    private void inBuffer(Runnable work) {
        storage.startBuffering();
        try {
            work.run();
        } finally {
            storage.discard();
        }
    }

    /** Runs a job in a transaction of its own, retrying conflicts; a refusal is final once seen on fresh state. */
    private void runAlone(Job job, boolean refusedBefore) {
        for (int attempt = 1; ; attempt++) {
            job.outcomes = null;
            try {
                transactions.executeWithoutResult(status -> inBuffer(() -> {
                    job.outcomes = handle(job);
                    storage.flush();
                    positions.resolve(List.of(job));
                }));
                job.result.complete(positions.recorded(job));
                return;
            } catch (RuntimeException failure) {
                evict(job);
                if (isConflict(failure)) {
                    if (attempt == ATTEMPTS) {
                        job.result.completeExceptionally(asConflict(failure));
                        return;
                    }
                    continue;
                }
                if (refusedBefore || !isRefusal(failure)) {
                    job.result.completeExceptionally(failure);
                    return;
                }
                refusedBefore = true;
            }
        }
    }

    private List<CommandOutcome> handle(Job job) {
        List<CommandOutcome> outcomes = new ArrayList<>(job.messages.size());
        for (int i = 0; i < job.messages.size(); i++) {
            try {
                outcomes.add(gateway.sendAndWait(job.messages.get(i)));
            } catch (RuntimeException refused) {
                if (isConflict(refused)) {
                    throw refused;
                }
                throw job.batch ? new BatchItemFailed(i, refused) : refused;
            }
        }
        return outcomes;
    }

    /**
     * Whether another writer stored an event with the sequence number this job's append took: a sequence
     * conflict on an existing aggregate, or a second creation of a new one (two replicas opening the same
     * account at once), which Axon reports with an exception of its own.
     */
    private static boolean isConflict(RuntimeException failure) {
        return failure instanceof ConcurrencyException || failure instanceof AggregateStreamCreationException;
    }

    private static ConcurrencyException asConflict(RuntimeException failure) {
        return failure instanceof ConcurrencyException conflict ? conflict
                : new ConcurrencyException(failure.getMessage(), failure);
    }

    private static boolean isRefusal(RuntimeException failure) {
        Throwable cause = failure instanceof BatchItemFailed item ? item.getCause() : failure;
        return cause instanceof RuleViolation || cause instanceof AggregateNotFoundException;
    }

    /** Forgets a cached aggregate whose state may include events that were rolled back. */
    private void evict(Job job) {
        for (Cache cache : aggregateCaches) {
            cache.remove(job.aggregateId);
        }
    }
}

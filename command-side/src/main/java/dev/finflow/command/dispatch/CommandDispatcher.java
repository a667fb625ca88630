package dev.finflow.command.dispatch;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.messaging.MetaData;
import dev.finflow.command.problems.RuleViolation;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.ArrayList;
import java.util.List;

/**
 * The one way commands enter the write model. Each call is one database transaction: a single command, or an
 * all-or-nothing batch. The transaction also looks up the global position of the events written, so the answer
 * can name it. Conflicts with a concurrent writer (another replica) are retried on fresh state, and a refusal
 * is confirmed on fresh state before it is answered.
 */
@Component
public class CommandDispatcher {

    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);
    private static final int ATTEMPTS = 4;

    private final CommandGateway gateway;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final List<Cache> aggregateCaches;
    private final AggregateLocks locks = new AggregateLocks(1024);
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();
    private final Scheduler scheduler;

    CommandDispatcher(CommandGateway gateway, PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
                      List<Cache> aggregateCaches, DispatchProperties properties) {
        this.gateway = gateway;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.aggregateCaches = aggregateCaches;
        this.scheduler = Schedulers.newBoundedElastic(properties.threads(), properties.queue(), "commands");
    }

    /**
     * Sends one command, in a transaction of its own on a thread of the dispatcher. The message is made on the
     * caller's thread, so when the caller handles an event, the command inherits its principal and correlation
     * and names it as its cause.
     */
    public Mono<Recorded> send(Object command, MetaData metaData) {
        List<CommandMessage<?>> messages = messages(List.of(command), metaData);
        return Mono.fromCallable(() -> handle(messages, false).get(0)).subscribeOn(scheduler);
    }

    /** Sends commands as one transaction: all are stored, or none (a {@link BatchItemFailed} names the culprit). */
    public Mono<List<Recorded>> sendAll(List<?> commands, MetaData metaData) {
        List<CommandMessage<?>> messages = messages(commands, metaData);
        return Mono.fromCallable(() -> handle(messages, true)).subscribeOn(scheduler);
    }

    private static List<CommandMessage<?>> messages(List<?> commands, MetaData metaData) {
        return commands.stream()
                .<CommandMessage<?>>map(command -> GenericCommandMessage.asCommandMessage(command)
                        .andMetaData(metaData))
                .toList();
    }

    private List<Recorded> handle(List<CommandMessage<?>> messages, boolean batch) {
        List<String> aggregateIds = messages.stream()
                .map(message -> targets.resolveTarget(message).getIdentifier()).toList();
        Runnable unlock = locks.lock(aggregateIds);
        try {
            boolean rechecked = false;
            for (int attempt = 1; ; attempt++) {
                try {
                    return transactions.execute(status -> handleAll(messages, batch));
                } catch (ConcurrencyException conflict) {
                    evict(aggregateIds);
                    if (attempt == ATTEMPTS) {
                        throw conflict;
                    }
                    log.debug("retrying after a concurrent write to {}: {}", aggregateIds, conflict.getMessage());
                } catch (RuntimeException failure) {
                    evict(aggregateIds);
                    if (rechecked || !isRefusal(failure)) {
                        throw failure;
                    }
                    // A refusal may come from a cached aggregate that another replica has moved on from:
                    // confirm it once against the state in the store before answering.
                    rechecked = true;
                }
            }
        } finally {
            unlock.run();
        }
    }

    private static boolean isRefusal(RuntimeException failure) {
        Throwable cause = failure instanceof BatchItemFailed item ? item.getCause() : failure;
        return cause instanceof RuleViolation || cause instanceof AggregateNotFoundException;
    }

    private List<Recorded> handleAll(List<CommandMessage<?>> messages, boolean batch) {
        List<Recorded> recorded = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            CommandOutcome outcome;
            try {
                outcome = gateway.sendAndWait(messages.get(i));
            } catch (ConcurrencyException conflict) {
                throw conflict;
            } catch (RuntimeException refused) {
                throw batch ? new BatchItemFailed(i, refused) : refused;
            }
            recorded.add(new Recorded(outcome.aggregateId(), outcome.sequenceNumber(),
                    positionOf(outcome.aggregateId(), outcome.sequenceNumber()), outcome.alreadyDone()));
        }
        return recorded;
    }

    private long positionOf(String aggregateId, long sequenceNumber) {
        Long position = jdbc.queryForObject("select global_index from events.domain_event_entry"
                + " where aggregate_identifier = ? and sequence_number = ?", Long.class, aggregateId, sequenceNumber);
        if (position == null) {
            throw new IllegalStateException("no event " + aggregateId + "#" + sequenceNumber + " in the store");
        }
        return position;
    }

    /** Forgets cached aggregates whose state may include events that were rolled back. */
    private void evict(List<String> aggregateIds) {
        for (Cache cache : aggregateCaches) {
            aggregateIds.forEach(cache::remove);
        }
    }
}

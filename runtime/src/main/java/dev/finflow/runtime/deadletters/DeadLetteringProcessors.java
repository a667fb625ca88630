package dev.finflow.runtime.deadletters;

import dev.finflow.runtime.store.BufferingEventStorageEngine;
import dev.finflow.runtime.store.PollingEventSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The Axon processors of a service whose handlers dead-letter what they cannot handle ({@link DeadLetteringInvoker}),
 * and the admin operations on their letters, by processor name. Letters live in {@code <schema>.dead_letter_entry}.
 */
public final class DeadLetteringProcessors {

    private record Processor(ProcessorDeadLetters letters, DeadLetteringInvoker invoker) {
    }

    private final String schema;
    private final ConnectionProvider connections;
    private final TransactionManager axonTransactions;
    private final Serializer serializer;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;
    private final Map<String, Processor> processors = new ConcurrentHashMap<>();

    public DeadLetteringProcessors(String schema, ConnectionProvider connections, TransactionManager axonTransactions,
                                   Serializer serializer, JdbcTemplate jdbc, TransactionTemplate transaction,
                                   MeterRegistry meters) {
        this.schema = schema;
        this.connections = connections;
        this.axonTransactions = axonTransactions;
        this.serializer = serializer;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.meters = meters;
    }

    /**
     * Registers processing group {@code group} as a pooled streaming processor that reads the store through a
     * {@link PollingEventSource} and dead-letters what its handlers cannot handle. A handler's failure propagates
     * to the dead-lettering invoker (Axon's default would log it and skip the event); a transient one rolls the
     * batch back and the processor retries it with back-off.
     */
    public void register(EventProcessingConfigurer processing, String group, BufferingEventStorageEngine storage,
                         Duration pollInterval, int segments, int batchSize) {
        processing.registerEventProcessor(group, (name, configuration, handlers) -> {
            ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor(
                    new CustomizableThreadFactory(name + "-coordinator-"));
            ScheduledExecutorService workers = Executors.newScheduledThreadPool(segments,
                    new CustomizableThreadFactory(name + "-worker-"));
            configuration.onShutdown(coordinator::shutdown);
            configuration.onShutdown(workers::shutdown);
            return PooledStreamingEventProcessor.builder()
                    .name(name)
                    .eventHandlerInvoker(wrap(name, handlers))
                    .messageSource(new PollingEventSource(storage, pollInterval))
                    .tokenStore(configuration.getComponent(TokenStore.class))
                    .transactionManager(configuration.getComponent(TransactionManager.class))
                    .coordinatorExecutor(coordinator)
                    .workerExecutor(workers)
                    .initialSegmentCount(segments)
                    .batchSize(batchSize)
                    .errorHandler(PropagatingErrorHandler.instance())
                    .messageMonitor(configuration.messageMonitor(PooledStreamingEventProcessor.class, name))
                    .build();
        });
        processing.registerListenerInvocationErrorHandler(group, configuration -> PropagatingErrorHandler.instance());
    }

    /** The handlers of processor {@code name}, dead-lettering what they cannot handle. */
    EventHandlerInvoker wrap(String name, EventHandlerInvoker handlers) {
        ProcessorDeadLetters letters = new ProcessorDeadLetters(schema, name,
                DeadLetters.queue(schema, name, connections, axonTransactions, serializer), jdbc, transaction);
        DeadLetteringInvoker invoker = new DeadLetteringInvoker(handlers, letters);
        processors.put(name, new Processor(letters, invoker));
        Gauge.builder("finflow.processor.dead.letters", () -> counts().getOrDefault(name, 0L))
                .description("events put aside because they could not be handled, and those queued behind them")
                .tag("projection", name).register(meters);
        return invoker;
    }

    public Set<String> names() {
        return new TreeSet<>(processors.keySet());
    }

    /** The letters of processor {@code name}; empty when there is no such processor. */
    public Optional<List<ProcessorDeadLetters.Letter>> list(String name) {
        return processor(name).map(p -> p.letters().list());
    }

    /** Applies a sequence's letters again; empty when the processor or the sequence's letters are unknown. */
    public Optional<ProcessorDeadLetters.Retry> retry(String name, String sequence) {
        return processor(name).flatMap(p -> p.letters().retry(sequence, p.invoker().applier()));
    }

    /** Evicts the letter of event {@code eventId}, recorded; empty when the processor has no such letter. */
    public Optional<ProcessorDeadLetters.Letter> evict(String name, String eventId, String principal, String reason) {
        return processor(name).flatMap(p -> p.letters().evict(eventId, principal, reason, p.invoker().applier()));
    }

    /** Dead letters per processor, every processor named (0 when it has none). */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        processors.keySet().forEach(name -> counts.put(name, 0L));
        jdbc.query("select processing_group, count(*) from " + schema + ".dead_letter_entry group by "
                + "processing_group", rs -> {
                    if (counts.containsKey(rs.getString(1))) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                });
        return counts;
    }

    private Optional<Processor> processor(String name) {
        return Optional.ofNullable(processors.get(name));
    }
}

package dev.finflow.runtime.dispatch;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The command side's dispatcher: lanes with group commit, the cache of loaded aggregates and its checks. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DispatchProperties.class)
@Import({CommandDispatcher.class, EventPositions.class, StaleCacheCheck.class})
public class DispatchConfiguration {

    /** Finds a command's aggregate; named so that aggregates use it too ({@code @Aggregate(commandTargetResolver)}). */
    @Bean
    CommandTargetResolver commandTargetResolver() {
        return new CachingTargetResolver();
    }

    /**
     * Takes aggregate snapshots on a thread of their own, in their own transaction. Axon's default takes them
     * on the committing thread, which stalled a whole commit lane while a long account was replayed and
     * serialised. When snapshots fall behind, new requests are dropped: a snapshot only saves replay time.
     */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                    EventStore eventStore, TransactionManager transactionManager,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    HandlerDefinition handlerDefinition) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1000), runnable -> {
            Thread thread = new Thread(runnable, "snapshotter");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.DiscardPolicy());
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .eventStore(eventStore)
                .transactionManager(transactionManager)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .executor(executor)
                .build();
    }

    /** Lets Axon's units of work join the dispatcher's commit groups (see {@link JoiningTransactionManager}). */
    @Bean
    @Primary
    TransactionManager joiningTransactionManager(PlatformTransactionManager transactionManager) {
        return new JoiningTransactionManager(new SpringTransactionManager(transactionManager));
    }
}

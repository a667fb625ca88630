package dev.finflow.runtime.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.finflow.events.serialization.EventJson;
import dev.finflow.runtime.keys.PersonalDataConfiguration;
import dev.finflow.runtime.observability.ObservabilityConfiguration;
import dev.finflow.runtime.streams.StreamsEndAtShutdown;
import dev.finflow.events.upcasting.LedgerUpcasters;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * The event store on PostgreSQL, as every Finflow service uses it. Declared here rather than left to Axon's Spring
 * Boot auto-configuration, which orders itself after Boot 3 classes that Boot 4 renamed and so would fall back to
 * a no-op transaction manager and no metrics.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
@Import({ObservabilityConfiguration.class, PersonalDataConfiguration.class})
public class EventStoreConfiguration {

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(database.poolSize());
        config.setPoolName("finflow-" + database.schema());
        config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        // A JDBC batch of inserts becomes one multi-row INSERT: one round trip per batch, not per row.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    @Bean
    SchemaMigrations schemaMigrations(DataSource dataSource, DatabaseProperties database) {
        return new SchemaMigrations(dataSource, database.schema());
    }

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    @Primary
    Serializer serializer() {
        return EventJson.serializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return EventJson.serializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return EventJson.serializer();
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolationResolver();
    }

    @Bean
    EventSchema eventSchema() {
        return EventTables.schema();
    }

    @Bean
    BufferingEventStorageEngine eventStorageEngine(SchemaMigrations migrated, DataSource dataSource,
                                          Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          Configuration configuration, ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager, EventSchema eventSchema) {
        return new BufferingEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                // Old revisions of the shared events are brought to the current shape as they are read.
                .upcasterChain(new EventUpcasterChain(configuration.upcasterChain(), LedgerUpcasters.chain()))
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .dataType(String.class)
                // Events per read of the store (Axon's default is 100): a processor that is behind reads fewer,
                // larger batches.
                .batchSize(1000)
                // Gaps close on the high-water mark only (see BufferingEventStorageEngine): never by age or count.
                .gapTimeout(Integer.MAX_VALUE)
                .gapCleaningThreshold(Integer.MAX_VALUE)
                .maxGapOffset(Integer.MAX_VALUE), new HighWaterMark(dataSource, Duration.ofMillis(10).toNanos()));
    }

    @Bean
    TokenStore tokenStore(SchemaMigrations migrated, ConnectionProvider connectionProvider, Serializer serializer,
                          DatabaseProperties database) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(tokenSchema(database.schema()))
                .contentType(String.class)
                .claimTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** The token table of a service's schema, in the snake_case the migrations create. */
    public static TokenSchema tokenSchema(String serviceSchema) {
        return TokenSchema.builder()
                .setTokenTable(serviceSchema + ".token_entry")
                .setProcessorNameColumn("processor_name")
                .setTokenTypeColumn("token_type")
                .build();
    }

    @Bean
    CorrelationDataProvider causationProvider() {
        return new CausationProvider();
    }

    @Bean
    InitializingBean eventMetadataEnricher(EventStore eventStore) {
        return () -> eventStore.registerDispatchInterceptor(new EventMetadataEnricher());
    }

    /** Open streams end at shutdown, so the graceful shutdown does not wait its whole timeout for them. */
    @Bean
    StreamsEndAtShutdown streamsEndAtShutdown() {
        return new StreamsEndAtShutdown();
    }

    @Bean
    GlobalMetricRegistry axonMetricRegistry(MeterRegistry meterRegistry) {
        return new GlobalMetricRegistry(meterRegistry);
    }

    @Bean
    MetricsConfigurerModule axonMetrics(GlobalMetricRegistry registry) {
        return new MetricsConfigurerModule(registry, true);
    }
}

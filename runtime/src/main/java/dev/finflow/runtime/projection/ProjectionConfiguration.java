package dev.finflow.runtime.projection;

import dev.finflow.runtime.store.DatabaseProperties;
import dev.finflow.runtime.store.EventStoreConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import dev.finflow.runtime.store.BufferingEventStorageEngine;
import dev.finflow.runtime.observability.EventTracing;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The projection machinery, declared by hand (Axon's Boot auto-configuration is unreliable on Boot 4, and the
 * processors are started and stopped at run time as versions come and go, which Axon's configurer cannot do).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectionProperties.class)
@Import({ProjectionHealth.class, ProjectionStateGauges.class})
public class ProjectionConfiguration {

    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }

    @Bean
    ProjectionCatalog projectionCatalog(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                        List<Projection> projections) {
        return new ProjectionCatalog(jdbc, new TransactionTemplate(transactions), projections);
    }

    @Bean
    ProjectionDeadLetters projectionDeadLetters(ProjectionCatalog catalog, ConnectionProvider connectionProvider,
                                                TransactionManager axonTransactions,
                                                // The event store's own instance: a letter it cannot read is
                                                // stored as it was read, not re-serialized (rolling upgrades).
                                                @Qualifier("eventSerializer") Serializer serializer,
                                                BufferingEventStorageEngine storage,
                                                JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new ProjectionDeadLetters(catalog, connectionProvider, axonTransactions, serializer, storage, jdbc,
                new TransactionTemplate(transactions));
    }

    @Bean
    ProjectionMonitor projectionMonitor(JdbcTemplate jdbc, MeterRegistry meters, ProjectionDeadLetters deadLetters,
                                        ProjectionProperties properties) {
        return new ProjectionMonitor(jdbc, meters, deadLetters, properties.stallTimeout());
    }

    @Bean
    Instances instances(JdbcTemplate jdbc, ProjectionProperties properties,
                        @Value("${finflow.query.instance-id:}") String instanceId) {
        String id = instanceId.isBlank() ? hostName() + "-" + UUID.randomUUID().toString().substring(0, 8)
                : instanceId;
        return new Instances(jdbc, id, properties.instanceTimeout());
    }

    /**
     * The projections' own token store: owned by this instance's id, so two instances never share claims. Not a
     * bean, so that Axon's own configuration keeps the one token store of EventStoreConfiguration.
     */
    private static JdbcTokenStore projectionTokenStore(ConnectionProvider connectionProvider, Serializer serializer,
                                                       DatabaseProperties database, Instances instances) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(EventStoreConfiguration.tokenSchema(database.schema()))
                .contentType(String.class)
                .nodeId(instances.instanceId())
                .claimTimeout(Duration.ofSeconds(6))
                .build();
    }

    @Bean
    ProjectionProcessors projectionProcessors(ProjectionCatalog catalog, ProjectionProperties properties,
                                              BufferingEventStorageEngine storage, ConnectionProvider connectionProvider,
                                              Serializer serializer, DatabaseProperties database,
                                              TransactionManager transactionManager,
                                              ProjectionDeadLetters deadLetters, MeterRegistry meters,
                                              ProjectionMonitor monitor, Instances instances,
                                              EventTracing tracing) {
        return new ProjectionProcessors(catalog, properties, storage,
                projectionTokenStore(connectionProvider, serializer, database, instances), transactionManager,
                deadLetters, meters, monitor, instances, tracing);
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "query-side";
        }
    }
}

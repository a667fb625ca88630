package dev.finflow.runtime.processors;

import dev.finflow.runtime.store.DatabaseProperties;
import dev.finflow.runtime.deadletters.DeadLetteringProcessors;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Watching and administering a service's dead-lettering processors: the monitor (position, head, stall), the
 * {@code processors} readiness indicator and the admin API. A service imports it and declares its
 * {@link DeadLetteringProcessors} and the {@link ProcessorRules} of its vocabulary.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProcessorProperties.class)
public class ProcessorAdministration {

    @Bean(destroyMethod = "close")
    ProcessorMonitor processorMonitor(DatabaseProperties database, JdbcTemplate jdbc,
                                      DeadLetteringProcessors processors, MeterRegistry meters,
                                      ProcessorProperties properties) {
        return new ProcessorMonitor(database.schema(), jdbc, processors, meters, properties.stallTimeout());
    }

    @Bean("processors")
    HealthIndicator processorHealth(ProcessorMonitor monitor) {
        return new ProcessorHealth(monitor);
    }

    @Bean
    ProcessorController processorController(DeadLetteringProcessors processors, ProcessorMonitor monitor,
                                            ProcessorRules rules) {
        return new ProcessorController(processors, monitor, rules);
    }
}

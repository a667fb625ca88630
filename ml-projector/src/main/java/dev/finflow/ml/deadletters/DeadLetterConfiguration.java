package dev.finflow.ml.deadletters;

import dev.finflow.ml.api.MlRule;
import dev.finflow.runtime.deadletters.DeadLetteringProcessors;
import dev.finflow.runtime.processors.ProcessorAdministration;
import dev.finflow.runtime.processors.ProcessorRules;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dead letters of the ml processors, in {@code ml.dead_letter_entry}, and their
 * monitor, readiness indicator and admin API ({@link ProcessorAdministration}).
 */
@Configuration(proxyBeanMethods = false)
@Import(ProcessorAdministration.class)
class DeadLetterConfiguration {

    @Bean
    DeadLetteringProcessors deadLetteringProcessors(ConnectionProvider connections, TransactionManager axonTransactions,
                                                    Serializer serializer, JdbcTemplate jdbc,
                                                    PlatformTransactionManager transactions, MeterRegistry meters) {
        return new DeadLetteringProcessors("ml", connections, axonTransactions, serializer, jdbc,
                new TransactionTemplate(transactions), meters);
    }

    @Bean
    ProcessorRules processorRules() {
        return new ProcessorRules(MlRule.PROCESSOR_NOT_FOUND, MlRule.DEAD_LETTER_NOT_FOUND,
                MlRule.DEAD_LETTER_STILL_FAILING);
    }
}

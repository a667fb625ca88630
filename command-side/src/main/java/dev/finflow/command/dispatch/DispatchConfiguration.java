package dev.finflow.command.dispatch;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class DispatchConfiguration {

    /** Finds a command's aggregate; named so that aggregates use it too ({@code @Aggregate(commandTargetResolver)}). */
    @Bean
    CommandTargetResolver commandTargetResolver() {
        return new CachingTargetResolver();
    }

    /** Lets Axon's units of work join the dispatcher's commit groups (see {@link JoiningTransactionManager}). */
    @Bean
    @Primary
    TransactionManager joiningTransactionManager(PlatformTransactionManager transactionManager) {
        return new JoiningTransactionManager(new SpringTransactionManager(transactionManager));
    }
}

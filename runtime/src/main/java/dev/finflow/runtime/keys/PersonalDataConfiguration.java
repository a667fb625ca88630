package dev.finflow.runtime.keys;

import dev.finflow.runtime.store.SchemaMigrations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/** The key store and the sealing of personal data, for every service that writes or reads events. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeyProperties.class)
public class PersonalDataConfiguration {

    @Bean
    PersonKeys personKeys(DataSource dataSource, KeyProperties properties, SchemaMigrations migrated) {
        return new PersonKeys(dataSource, properties, true);
    }

    @Bean
    PersonalData personalData(PersonKeys keys) {
        return new PersonalData(keys);
    }
}

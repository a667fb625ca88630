package dev.finflow.runtime.keys;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

import javax.sql.DataSource;

/** The key store and the sealing of personal data, for every service that writes or reads events. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeyProperties.class)
public class PersonalDataConfiguration {

    /** After the store's migrations (bean {@code schemaMigrations}), which create the {@code keys} schema. */
    @Bean
    @DependsOn("schemaMigrations")
    PersonKeys personKeys(DataSource dataSource, KeyProperties properties) {
        return new PersonKeys(dataSource, properties, true);
    }

    @Bean
    PersonalData personalData(PersonKeys keys) {
        return new PersonalData(keys);
    }
}

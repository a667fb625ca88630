package dev.finflow.command.ingestion.providers;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the enabled providers from {@link ProviderProperties}, each with its rate and circuit breaker. */
@Configuration(proxyBeanMethods = false)
class ProvidersConfiguration {

    private static final ProviderProperties.Rate UNLIMITED = new ProviderProperties.Rate(1000, 1000);

    @Bean
    Providers providers(ProviderProperties properties, MeterRegistry meters) {
        CircuitBreakerConfig breaker = ProviderCircuits.config(properties.circuitBreaker());
        List<Providers.Entry> entries = new ArrayList<>();
        if (properties.yahoo() != null && properties.yahoo().enabled()) {
            entries.add(entry(new YahooProvider(properties.yahoo(), properties.timeout()),
                    properties.yahoo().rate(), breaker, meters));
        }
        if (properties.stooq() != null && properties.stooq().enabled()) {
            entries.add(entry(new StooqProvider(properties.stooq(), properties.timeout()),
                    properties.stooq().rate(), breaker, meters));
        }
        if (properties.csv() != null && properties.csv().enabled()) {
            entries.add(entry(new CsvFileProvider(Path.of(properties.csv().directory())),
                    properties.csv().rate(), breaker, meters));
        }
        if (properties.synthetic() != null && properties.synthetic().enabled()) {
            entries.add(entry(new SyntheticProvider(properties.synthetic().seed()),
                    properties.synthetic().rate(), breaker, meters));
        }
        return new Providers(entries, properties.order());
    }

    private static Providers.Entry entry(MarketDataProvider provider, ProviderProperties.Rate rate,
                                         CircuitBreakerConfig breaker, MeterRegistry meters) {
        return new Providers.Entry(provider, rate == null ? UNLIMITED : rate,
                ProviderCircuits.of(provider.name(), breaker, meters));
    }
}

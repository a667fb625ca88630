package dev.finflow.command.ingestion.providers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the enabled providers from {@link ProviderProperties}. */
@Configuration(proxyBeanMethods = false)
class ProvidersConfiguration {

    private static final ProviderProperties.Rate UNLIMITED = new ProviderProperties.Rate(1000, 1000);

    @Bean
    Providers providers(ProviderProperties properties) {
        List<Providers.Entry> entries = new ArrayList<>();
        if (properties.yahoo() != null && properties.yahoo().enabled()) {
            entries.add(new Providers.Entry(new YahooProvider(properties.yahoo(), properties.timeout()),
                    rate(properties.yahoo().rate())));
        }
        if (properties.stooq() != null && properties.stooq().enabled()) {
            entries.add(new Providers.Entry(new StooqProvider(properties.stooq(), properties.timeout()),
                    rate(properties.stooq().rate())));
        }
        if (properties.csv() != null && properties.csv().enabled()) {
            entries.add(new Providers.Entry(new CsvFileProvider(Path.of(properties.csv().directory())),
                    rate(properties.csv().rate())));
        }
        if (properties.synthetic() != null && properties.synthetic().enabled()) {
            entries.add(new Providers.Entry(new SyntheticProvider(properties.synthetic().seed()),
                    rate(properties.synthetic().rate())));
        }
        return new Providers(entries, properties.order());
    }

    private static ProviderProperties.Rate rate(ProviderProperties.Rate rate) {
        return rate == null ? UNLIMITED : rate;
    }
}

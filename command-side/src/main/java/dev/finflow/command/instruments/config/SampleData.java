package dev.finflow.command.instruments.config;

import dev.finflow.runtime.dispatch.CommandDispatcher;
import dev.finflow.command.instruments.csv.TickerCsv;
import dev.finflow.command.instruments.csv.TickerSeries;
import dev.finflow.events.MetadataKeys;
import dev.finflow.events.market.*;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.Symbol;
import dev.finflow.command.instruments.domain.InstrumentMetadata;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;

/**
 * On the first start (no instrument registered yet) registers the five US equities of the bundled real data set
 * and imports it, bars, dividends and splits, through the same commands and rules as any other data, so that a
 * newcomer sees real prices at once. Off with {@code FINFLOW_SAMPLE_DATA=false}.
 */
@Component
@ConditionalOnProperty(name = "finflow.sample-data.enabled", havingValue = "true")
class SampleData implements ApplicationRunner {

    static final String FILE = "sample-data/dash-stock-ticker-demo.csv";
    static final String SOURCE = "sample:dash-stock-ticker-demo.csv";
    private static final Logger log = LoggerFactory.getLogger(SampleData.class);
    private static final Map<String, String> NAMES = Map.of("AAPL", "Apple Inc.", "TSLA", "Tesla, Inc.",
            "COKE", "Coca-Cola Consolidated, Inc.", "GOOGL", "Alphabet Inc. Class A", "YHOO", "Yahoo! Inc.");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final CommandDispatcher dispatcher;
    private final JdbcTemplate jdbc;
    private final InstrumentProperties properties;

    SampleData(CommandDispatcher dispatcher, JdbcTemplate jdbc, InstrumentProperties properties) {
        this.dispatcher = dispatcher;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Boolean any = jdbc.queryForObject("select exists(select 1 from events.domain_event_entry"
                + " where payload_type = ?)", Boolean.class, InstrumentRegisteredEvent.class.getName());
        if (Boolean.TRUE.equals(any)) {
            log.info("instruments exist already: the sample data is not imported");
            return;
        }
        LocalDate today = LocalDate.now(properties.zone());
        MetaData metaData = MetaData.from(Map.of(MetadataKeys.PRINCIPAL, "sample-data",
                MetadataKeys.CORRELATION_ID, "sample-data-import", MetadataKeys.SOURCE, SOURCE));
        int bars = 0;
        for (TickerSeries series : TickerCsv.parse(read()).values()) {
            Symbol symbol = series.symbol();
            send(new RegisterInstrumentCommand(symbol, NAMES.getOrDefault(symbol.value(), symbol.value()),
                    InstrumentType.EQUITY, Currency.getInstance("USD"), null, "NASDAQ", today), metaData);
            for (TickerSeries.Split split : series.splits()) {
                send(new RecordSplitCommand(symbol, split.date(), split.ratio(), java.math.BigDecimal.ONE, SOURCE),
                        metaData);
            }
            send(new IngestBarsCommand(symbol, "sample-data", SOURCE, series.bars()),
                    InstrumentMetadata.withToday(metaData, today));
            for (TickerSeries.Dividend dividend : series.dividends()) {
                send(new RecordCashDividendCommand(symbol, dividend.exDate(),
                        new Money(dividend.amountPerShare(), Currency.getInstance("USD")), SOURCE), metaData);
            }
            bars += series.bars().size();
        }
        log.info("imported the sample data: {} bars of 5 instruments from {}", bars, FILE);
    }

    private void send(Object command, MetaData metaData) {
        dispatcher.send(command, metaData).block(TIMEOUT);
    }

    private static String read() throws IOException {
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package dev.finflow.command.ingestion.runs.process;

import dev.finflow.runtime.dispatch.CommandDispatcher;
import dev.finflow.command.ingestion.providers.ProviderData;
import dev.finflow.events.MetadataKeys;
import dev.finflow.events.market.InstrumentCommand;
import dev.finflow.events.market.InstrumentRegisteredEvent;
import dev.finflow.events.market.RecordCashDividendCommand;
import dev.finflow.events.market.RecordSplitCommand;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.Symbol;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Currency;
import java.util.List;

/**
 * Records the splits and dividends a provider reported alongside its bars. A dividend is paid in the
 * instrument's currency, read from its registration in the event store. The instrument answers a repeat as
 * done, so fetching the same range again records nothing new; an action it refuses (a different ratio already
 * recorded for the date) is logged and counted, and does not fail the symbol's bars.
 */
@Component
class CorporateActions {

    private static final Logger log = LoggerFactory.getLogger(CorporateActions.class);
    private static final String CURRENCY = "select payload::jsonb ->> 'currency' from events.domain_event_entry"
            + " where aggregate_identifier = ? and payload_type = ?";

    private final CommandDispatcher dispatcher;
    private final JdbcTemplate jdbc;
    private final RunProperties properties;
    private final FailureNotifier notifier;

    CorporateActions(CommandDispatcher dispatcher, JdbcTemplate jdbc, RunProperties properties,
                     FailureNotifier notifier) {
        this.dispatcher = dispatcher;
        this.jdbc = jdbc;
        this.properties = properties;
        this.notifier = notifier;
    }

    void record(String runId, Symbol symbol, String source, ProviderData data, MetaData metaData) {
        if (data.splits().isEmpty() && data.dividends().isEmpty()) {
            return;
        }
        MetaData tagged = metaData.and(MetadataKeys.INGESTION_RUN, runId).and(MetadataKeys.SOURCE, source);
        for (ProviderData.Split split : data.splits()) {
            send(new RecordSplitCommand(symbol, split.date(), split.numerator(), split.denominator(), source),
                    tagged, source);
        }
        if (data.dividends().isEmpty()) {
            return;
        }
        List<String> currency = jdbc.queryForList(CURRENCY, String.class, InstrumentCommand.instrumentId(symbol),
                InstrumentRegisteredEvent.class.getName());
        if (currency.isEmpty()) {
            return;
        }
        for (ProviderData.Dividend dividend : data.dividends()) {
            send(new RecordCashDividendCommand(symbol, dividend.exDate(),
                    new Money(dividend.amount(), Currency.getInstance(currency.get(0))), source), tagged, source);
        }
    }

    private void send(Object command, MetaData metaData, String source) {
        try {
            dispatcher.send(command, metaData).block(properties.commandTimeout());
        } catch (RuntimeException refused) {
            notifier.attemptFailed(source, "ACTION_REFUSED");
            log.warn("{} refused: {}", command, refused.getMessage());
        }
    }
}

package dev.finflow.command.splits.process;

import dev.finflow.events.ledger.TradeRecordedEvent;
import dev.finflow.events.market.InstrumentCommand;
import dev.finflow.events.market.SplitRecordedEvent;
import dev.finflow.events.serialization.EventJson;
import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Symbol;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the split process reads from the event store itself (the write side never reads a projection): the
 * splits of a symbol (its instrument's own events, remembered once read) and the accounts that ever bought it.
 */
@Component
class StoredSplits {

    private static final String SPLITS = "select payload from events.domain_event_entry"
            + " where aggregate_identifier = ? and payload_type = ? order by sequence_number";
    private static final String HOLDERS = "select distinct aggregate_identifier from events.domain_event_entry"
            + " where payload_type = ? and payload::jsonb ->> 'symbol' = ? and payload::jsonb ->> 'side' = 'BUY'";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = EventJson.objectMapper();
    private final Map<Symbol, List<SplitRecordedEvent>> known = new HashMap<>();

    StoredSplits(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<SplitRecordedEvent> splits(Symbol symbol) {
        return known.computeIfAbsent(symbol, s -> new ArrayList<>(jdbc.query(SPLITS,
                (row, i) -> read(row.getString(1)), InstrumentCommand.instrumentId(s),
                SplitRecordedEvent.class.getName())));
    }

    void remember(SplitRecordedEvent split) {
        List<SplitRecordedEvent> splits = splits(split.symbol());
        if (splits.stream().noneMatch(s -> s.effectiveDate().equals(split.effectiveDate()))) {
            splits.add(split);
        }
    }

    List<AccountId> holders(Symbol symbol) {
        return jdbc.query(HOLDERS, (row, i) -> new AccountId(row.getString(1)), TradeRecordedEvent.class.getName(),
                symbol.value());
    }

    private SplitRecordedEvent read(String payload) {
        try {
            return json.readValue(payload, SplitRecordedEvent.class);
        } catch (java.io.IOException unreadable) {
            throw new IllegalStateException("unreadable split event: " + payload, unreadable);
        }
    }
}

package dev.finflow.command.ingestion.gaps.process;

import dev.finflow.events.market.BarsIngestedEvent;
import dev.finflow.events.market.InstrumentCommand;
import dev.finflow.events.values.Symbol;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * The dates a symbol has kept bars for, read from its instrument's own events in the event store (the write
 * side never reads a projection). Quarantined bars do not count: a rejected day is still a gap to fill.
 */
@Component
class StoredBarDates {

    private static final String QUERY = "select distinct (b -> 'bar' ->> 'date')::date"
            + " from events.domain_event_entry e, jsonb_array_elements(e.payload::jsonb -> 'bars') b"
            + " where e.aggregate_identifier = ? and e.payload_type = ?"
            + " and (b -> 'bar' ->> 'date')::date between ? and ?";

    private final JdbcTemplate jdbc;

    StoredBarDates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Set<LocalDate> of(Symbol symbol, LocalDate from, LocalDate to) {
        return new HashSet<>(jdbc.query(QUERY, (row, i) -> row.getObject(1, LocalDate.class),
                InstrumentCommand.instrumentId(symbol), BarsIngestedEvent.class.getName(), from, to));
    }
}

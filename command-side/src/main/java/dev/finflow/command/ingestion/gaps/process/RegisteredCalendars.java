package dev.finflow.command.ingestion.gaps.process;

import dev.finflow.events.calendar.TradingCalendar;
import dev.finflow.events.calendar.TradingCalendars;
import dev.finflow.events.market.InstrumentCommand;
import dev.finflow.events.market.InstrumentRegisteredEvent;
import dev.finflow.events.market.InstrumentType;
import dev.finflow.events.values.Symbol;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The calendar of a symbol's exchange, from its registration in the event store: gap detection then expects
 * bars on exactly the days the quality rules accept them. A symbol not registered yet trades on weekdays.
 */
@Component
class RegisteredCalendars {

    private static final String QUERY = "select payload::jsonb ->> 'exchange', payload::jsonb ->> 'type'"
            + " from events.domain_event_entry where aggregate_identifier = ? and payload_type = ?"
            + " order by sequence_number limit 1";

    private final JdbcTemplate jdbc;
    private final TradingCalendars calendars;

    RegisteredCalendars(JdbcTemplate jdbc, TradingCalendars calendars) {
        this.jdbc = jdbc;
        this.calendars = calendars;
    }

    TradingCalendar of(Symbol symbol) {
        List<TradingCalendar> registered = jdbc.query(QUERY, (row, i) -> calendars.of(row.getString(1),
                        InstrumentType.valueOf(row.getString(2))),
                InstrumentCommand.instrumentId(symbol), InstrumentRegisteredEvent.class.getName());
        return registered.isEmpty() ? calendars.of(null, InstrumentType.EQUITY) : registered.get(0);
    }
}

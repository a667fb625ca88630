package dev.finflow.command.instruments.domain.quality;

import dev.finflow.events.calendar.TradingCalendar;
import dev.finflow.events.calendar.TradingCalendars;
import dev.finflow.events.market.InstrumentType;

/**
 * The quality rules and the trading calendars per exchange, as configured: what an {@code Instrument} needs to
 * judge bars. Handed to its command handlers as a resource, so the aggregate stays plain code.
 */
public final class MarketRules {

    private final BarRules rules;
    private final TradingCalendars calendars;

    public MarketRules(QualitySettings settings, TradingCalendars calendars) {
        this.rules = new BarRules(settings);
        this.calendars = calendars;
    }

    public BarRules rules() {
        return rules;
    }

    /** The calendar of an exchange: the same one the freshness check and gap detection use. */
    public TradingCalendar calendarFor(String exchange, InstrumentType type) {
        return calendars.of(exchange, type);
    }
}

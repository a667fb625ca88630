package dev.finflow.command.instruments.quality;

import dev.finflow.events.market.InstrumentType;

import java.util.Locale;
import java.util.Map;

/**
 * The quality rules and the trading calendars per exchange, as configured: what an {@code Instrument} needs to
 * judge bars. Handed to its command handlers as a resource, so the aggregate stays plain code.
 */
public final class MarketRules {

    private final BarRules rules;
    private final Map<String, TradingCalendar> calendars;

    public MarketRules(QualitySettings settings, Map<String, TradingCalendar> calendars) {
        this.rules = new BarRules(settings);
        this.calendars = Map.copyOf(calendars);
    }

    public BarRules rules() {
        return rules;
    }

    /**
     * The calendar of an exchange (matched ignoring case); crypto trades every day; an exchange nobody configured
     * trades on weekdays.
     */
    public TradingCalendar calendarFor(String exchange, InstrumentType type) {
        if (type == InstrumentType.CRYPTO) {
            return TradingCalendar.ALWAYS;
        }
        if (exchange == null) {
            return TradingCalendar.weekdays("an unnamed exchange");
        }
        TradingCalendar calendar = calendars.get(exchange.toUpperCase(Locale.ROOT));
        return calendar != null ? calendar : TradingCalendar.weekdays(exchange);
    }
}

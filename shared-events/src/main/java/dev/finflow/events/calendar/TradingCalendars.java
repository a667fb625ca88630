package dev.finflow.events.calendar;

import dev.finflow.events.market.InstrumentType;

import java.util.Locale;
import java.util.Map;

/**
 * The trading calendar of every exchange, one each: what the quality rules, the freshness check and gap
 * detection all ask. Crypto trades every day; an exchange nobody configured trades Monday to Friday.
 */
public final class TradingCalendars {

    private final Map<String, TradingCalendar> byExchange;

    /** @param byExchange calendars by exchange code (matched ignoring case) */
    public TradingCalendars(Map<String, TradingCalendar> byExchange) {
        this.byExchange = Map.copyOf(byExchange);
    }

    public TradingCalendar of(String exchange, InstrumentType type) {
        if (type == InstrumentType.CRYPTO) {
            return TradingCalendar.ALWAYS;
        }
        if (exchange == null || exchange.isBlank()) {
            return TradingCalendar.weekdays("an unnamed exchange");
        }
        TradingCalendar calendar = byExchange.get(exchange.toUpperCase(Locale.ROOT));
        return calendar != null ? calendar : TradingCalendar.weekdays(exchange);
    }
}

package dev.finflow.command.calendar;

import dev.finflow.events.calendar.NyseHolidays;
import dev.finflow.events.calendar.TradingCalendar;
import dev.finflow.events.calendar.TradingCalendars;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Builds the calendars of market.yml: weekend days, the holiday rules they name, and their extra closures. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    /** Rules are computed this many years past the current one, for bars dated ahead and long-running services. */
    private static final int YEARS_AHEAD = 10;

    @Bean
    TradingCalendars tradingCalendars(CalendarProperties properties) {
        Map<String, TradingCalendar> calendars = new HashMap<>();
        properties.calendars().forEach((exchange, calendar) -> {
            String name = exchange.toUpperCase(Locale.ROOT);
            calendars.put(name, new TradingCalendar(name, weekend(calendar), closures(calendar)));
        });
        return new TradingCalendars(calendars);
    }

    private static Set<DayOfWeek> weekend(CalendarProperties.Calendar calendar) {
        if (calendar.weekend() == null) {
            return EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        }
        return calendar.weekend().isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(calendar.weekend());
    }

    private static Set<LocalDate> closures(CalendarProperties.Calendar calendar) {
        Set<LocalDate> closures = new HashSet<>();
        String rules = calendar.holidayRules();
        if (rules != null && !rules.isBlank()) {
            if (!rules.equalsIgnoreCase("NYSE")) {
                throw new IllegalStateException("unknown holiday rules '" + rules + "'; known: NYSE");
            }
            closures.addAll(NyseHolidays.between(NyseHolidays.FIRST_YEAR, Year.now().getValue() + YEARS_AHEAD));
        }
        if (calendar.holidays() != null) {
            calendar.holidays().stream().filter(day -> !day.isBlank()).map(String::strip).map(LocalDate::parse)
                    .forEach(closures::add);
        }
        return closures;
    }
}

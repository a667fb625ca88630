package dev.finflow.command.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;

/** {@code finflow.instruments.calendars.*} in market.yml: the trading calendar of each exchange. */
@ConfigurationProperties("finflow.instruments")
record CalendarProperties(Map<String, Calendar> calendars) {

    CalendarProperties {
        calendars = calendars == null ? Map.of() : Map.copyOf(calendars);
    }

    /**
     * @param weekend      days of the week without trading (default Saturday and Sunday)
     * @param holidayRules {@code NYSE} for the NYSE's holiday rules ({@link dev.finflow.events.calendar.NyseHolidays}); none by default
     * @param holidays     more full-day closures (ISO dates), on top of the rules
     */
    record Calendar(List<DayOfWeek> weekend, String holidayRules, List<String> holidays) {
    }
}

package dev.finflow.command.instruments.quality;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The days an exchange trades: every day except its weekend days and configured holidays. Judges bar dates, and
 * tells the freshness check and gap detection which days should have a bar.
 *
 * @param name the exchange (or {@code 24/7}) for messages
 */
public record TradingCalendar(String name, Set<DayOfWeek> weekend, Set<LocalDate> holidays) {

    /** Trades every day of the year (crypto). */
    public static final TradingCalendar ALWAYS = new TradingCalendar("24/7", Set.of(), Set.of());

    public TradingCalendar {
        weekend = weekend.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekend));
        holidays = Set.copyOf(holidays);
    }

    /** Monday to Friday without holidays: the calendar of an exchange nobody configured. */
    public static TradingCalendar weekdays(String name) {
        return new TradingCalendar(name, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Set.of());
    }

    public boolean isTradingDay(LocalDate date) {
        return !weekend.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** Why {@code date} is no trading day, or null when it is one. */
    public String whyClosed(LocalDate date) {
        if (weekend.contains(date.getDayOfWeek())) {
            return date + " is a " + date.getDayOfWeek().toString().toLowerCase() + ", no trading day on " + name;
        }
        if (holidays.contains(date)) {
            return date + " is a holiday on " + name;
        }
        return null;
    }

    /** The latest trading day on or before {@code date}. */
    public LocalDate latestOnOrBefore(LocalDate date) {
        LocalDate day = date;
        for (int i = 0; i < 366 && !isTradingDay(day); i++) {
            day = day.minusDays(1);
        }
        return day;
    }

    /** Trading days strictly between {@code after} and {@code before}: the days a gap between two bars misses. */
    public List<LocalDate> tradingDaysBetween(LocalDate after, LocalDate before) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = after.plusDays(1); day.isBefore(before); day = day.plusDays(1)) {
            if (isTradingDay(day)) {
                days.add(day);
            }
        }
        return days;
    }
}

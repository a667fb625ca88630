package dev.finflow.events.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The days an exchange trades: every day except its weekend days and full-day closures. The one calendar of
 * Finflow: the quality rules judge bar dates by it, and the freshness check and gap detection ask it which days
 * should have a bar, so they cannot disagree; it lives in the shared language so reading services and tools use
 * it too.
 *
 * @param name     the exchange (or {@code 24/7}) for messages
 * @param holidays full-day closures: holidays by rule ({@link NyseHolidays}), special closures, configured days
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
            return date + " is a " + date.getDayOfWeek().toString().toLowerCase(Locale.ROOT) + ", no trading day on "
                    + name;
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

    /** Trading days from {@code from} to {@code to}, both included. */
    public List<LocalDate> tradingDays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (isTradingDay(day)) {
                days.add(day);
            }
        }
        return days;
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

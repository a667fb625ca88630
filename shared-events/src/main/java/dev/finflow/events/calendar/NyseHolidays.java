package dev.finflow.events.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The full-day closures of the NYSE (which Nasdaq shares), computed by the exchange's holiday rules rather than
 * typed in year by year, so that imported history back to 1990 and the years ahead are judged alike.
 *
 * <p>Rules (NYSE Rule 7.2 and the holiday pages at nyse.com/markets/hours-calendars): New Year's Day, Martin
 * Luther King Jr. Day (third Monday of January, observed from 1998), Washington's Birthday (third Monday of
 * February), Good Friday, Memorial Day (last Monday of May), Juneteenth (from 2022), Independence Day, Labor
 * Day (first Monday of September), Thanksgiving (fourth Thursday of November) and Christmas. A holiday on a
 * Sunday is observed the Monday after, on a Saturday the Friday before, except New Year's Day: when January 1
 * is a Saturday the exchange stays open on December 31 (year-end accounting). Special closures since 1990 are
 * listed in {@link #SPECIAL}. Checked against the exchange's closing history as compiled in
 * pandas_market_calendars ({@code holidays/nyse.py}, from "NYSE Closings", github.com/rsheftel/
 * pandas_market_calendars/files/6827110/Stocks.NYSE-Closings.pdf) and the NYSE's 2025 announcement of the
 * national day of mourning for President Carter.
 */
public final class NyseHolidays {

    /** The first year the rules above hold for (MLK Day aside, which they date). */
    public static final int FIRST_YEAR = 1990;

    /** Closures outside the rules since 1990: days of mourning, September 11, hurricane Sandy. */
    static final Set<LocalDate> SPECIAL = Set.of(
            LocalDate.of(1994, 4, 27),  // President Nixon's funeral
            LocalDate.of(2001, 9, 11), LocalDate.of(2001, 9, 12), LocalDate.of(2001, 9, 13),
            LocalDate.of(2001, 9, 14),  // September 11 attacks
            LocalDate.of(2004, 6, 11),  // President Reagan's funeral
            LocalDate.of(2007, 1, 2),   // President Ford's day of mourning
            LocalDate.of(2012, 10, 29), LocalDate.of(2012, 10, 30),  // hurricane Sandy
            LocalDate.of(2018, 12, 5),  // President George H. W. Bush's day of mourning
            LocalDate.of(2025, 1, 9));  // President Carter's day of mourning

    private NyseHolidays() {
    }

    /** Every closure of the years {@code from} to {@code to}, both included. */
    public static Set<LocalDate> between(int from, int to) {
        Set<LocalDate> closures = new HashSet<>();
        IntStream.rangeClosed(from, to).forEach(year -> closures.addAll(of(year)));
        return closures;
    }

    static List<LocalDate> of(int year) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate newYear = LocalDate.of(year, 1, 1);
        if (newYear.getDayOfWeek() != DayOfWeek.SATURDAY) {
            days.add(observed(newYear));
        }
        if (year >= 1998) {
            days.add(nth(year, Month.JANUARY, 3, DayOfWeek.MONDAY));
        }
        days.add(nth(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY));
        days.add(easter(year).minusDays(2));
        days.add(LocalDate.of(year, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        if (year >= 2022) {
            days.add(observed(LocalDate.of(year, 6, 19)));
        }
        days.add(observed(LocalDate.of(year, 7, 4)));
        days.add(nth(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY));
        days.add(nth(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY));
        days.add(observed(LocalDate.of(year, 12, 25)));
        SPECIAL.stream().filter(day -> day.getYear() == year).forEach(days::add);
        return days;
    }

    private static LocalDate observed(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }

    private static LocalDate nth(int year, Month month, int n, DayOfWeek day) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    /** Easter Sunday of the Gregorian calendar (the anonymous computus of Meeus, Jones and Butcher). */
    static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}

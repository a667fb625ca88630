package dev.finflow.events.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The NYSE holiday rules give the exchange's published closures, from 1990 on. */
class NyseHolidaysTest {

    /** The NYSE's published full-day closures 2015-2026 (nyse.com holiday pages), formerly typed into market.yml. */
    private static final String PUBLISHED_2015_2026 = """
            2015-01-01 2015-01-19 2015-02-16 2015-04-03 2015-05-25 2015-07-03 2015-09-07 2015-11-26 2015-12-25
            2016-01-01 2016-01-18 2016-02-15 2016-03-25 2016-05-30 2016-07-04 2016-09-05 2016-11-24 2016-12-26
            2017-01-02 2017-01-16 2017-02-20 2017-04-14 2017-05-29 2017-07-04 2017-09-04 2017-11-23 2017-12-25
            2018-01-01 2018-01-15 2018-02-19 2018-03-30 2018-05-28 2018-07-04 2018-09-03 2018-11-22 2018-12-05
            2018-12-25
            2019-01-01 2019-01-21 2019-02-18 2019-04-19 2019-05-27 2019-07-04 2019-09-02 2019-11-28 2019-12-25
            2020-01-01 2020-01-20 2020-02-17 2020-04-10 2020-05-25 2020-07-03 2020-09-07 2020-11-26 2020-12-25
            2021-01-01 2021-01-18 2021-02-15 2021-04-02 2021-05-31 2021-07-05 2021-09-06 2021-11-25 2021-12-24
            2022-01-17 2022-02-21 2022-04-15 2022-05-30 2022-06-20 2022-07-04 2022-09-05 2022-11-24 2022-12-26
            2023-01-02 2023-01-16 2023-02-20 2023-04-07 2023-05-29 2023-06-19 2023-07-04 2023-09-04 2023-11-23
            2023-12-25
            2024-01-01 2024-01-15 2024-02-19 2024-03-29 2024-05-27 2024-06-19 2024-07-04 2024-09-02 2024-11-28
            2024-12-25
            2025-01-01 2025-01-09 2025-01-20 2025-02-17 2025-04-18 2025-05-26 2025-06-19 2025-07-04 2025-09-01
            2025-11-27 2025-12-25
            2026-01-01 2026-01-19 2026-02-16 2026-04-03 2026-05-25 2026-06-19 2026-07-03 2026-09-07 2026-11-26
            2026-12-25""";

    private static final TradingCalendar NYSE = new TradingCalendar("NYSE",
            EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), NyseHolidays.between(1990, 2030));

    @Test
    void theRulesGiveExactlyThePublishedClosuresOf2015To2026() {
        Set<LocalDate> published = Stream.of(PUBLISHED_2015_2026.split("\\s+")).map(LocalDate::parse)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(new TreeSet<>(NyseHolidays.between(2015, 2026))).isEqualTo(published);
    }

    @ParameterizedTest(name = "{0} closed: {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            1990-01-01 | true  | New Year's Day
            1990-02-19 | true  | Washington's Birthday
            1990-04-13 | true  | Good Friday
            1990-05-28 | true  | Memorial Day
            1990-07-04 | true  | Independence Day
            1990-09-03 | true  | Labor Day
            1990-11-22 | true  | Thanksgiving
            1990-12-25 | true  | Christmas
            1994-04-27 | true  | President Nixon's funeral
            1997-01-20 | false | MLK Day, not yet an NYSE holiday
            1998-01-19 | true  | MLK Day, observed from 1998
            1999-12-31 | false | New Year's Day 2000 on a Saturday: no Friday closure
            2004-12-31 | false | New Year's Day 2005 on a Saturday
            2010-12-31 | false | New Year's Day 2011 on a Saturday
            2021-12-31 | false | New Year's Day 2022 on a Saturday
            2006-01-02 | true  | New Year's Day on a Sunday, observed Monday
            2004-07-05 | true  | Independence Day on a Sunday, observed Monday
            2009-07-03 | true  | Independence Day on a Saturday, observed Friday
            2004-12-24 | true  | Christmas on a Saturday, observed Friday
            2005-12-26 | true  | Christmas on a Sunday, observed Monday
            2001-09-11 | true  | September 11
            2001-09-14 | true  | September 11, closed the whole week
            2001-09-17 | false | reopened
            2004-06-11 | true  | President Reagan's day of mourning
            2007-01-02 | true  | President Ford's day of mourning
            2012-10-29 | true  | hurricane Sandy
            2012-10-30 | true  | hurricane Sandy
            2012-10-31 | false | reopened
            2018-12-05 | true  | President George H. W. Bush's day of mourning
            2025-01-09 | true  | President Carter's day of mourning
            2021-06-18 | false | Juneteenth, not yet an NYSE holiday
            2022-06-20 | true  | Juneteenth on a Sunday, observed Monday
            2027-06-18 | true  | Juneteenth on a Saturday, observed Friday
            2008-03-21 | true  | Good Friday in March
            2011-04-22 | true  | Good Friday in late April
            """)
    void closesOnItsHolidaysAndSpecialClosures(LocalDate day, boolean closed, String why) {
        assertThat(NYSE.isTradingDay(day)).as(why).isEqualTo(!closed);
    }

    @ParameterizedTest
    @CsvSource({"1990,1990-04-15", "2000,2000-04-23", "2008,2008-03-23", "2011,2011-04-24", "2019,2019-04-21",
            "2024,2024-03-31", "2038,2038-04-25"})
    void computesEasterSunday(int year, LocalDate easter) {
        assertThat(NyseHolidays.easter(year)).isEqualTo(easter);
    }

    @Test
    void everyYearHasNineToElevenClosuresOnWeekdays() {
        for (int year = 1990; year <= 2030; year++) {
            int y = year;
            Set<LocalDate> closures = NyseHolidays.between(year, year);
            assertThat(closures).as("%d", y).hasSizeBetween(8, 14)
                    .allSatisfy(day -> assertThat(day.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        }
    }
}

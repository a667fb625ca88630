package dev.finflow.command.ingestion.gaps;

import dev.finflow.command.ingestion.gaps.domain.Gap;
import dev.finflow.command.ingestion.gaps.domain.GapDetector;
import dev.finflow.command.ingestion.gaps.domain.Gap;
import dev.finflow.command.ingestion.gaps.domain.GapDetector;
import dev.finflow.events.calendar.TradingCalendar;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Gaps are runs of trading days without bars; weekends and configured holidays are never gaps. */
class GapDetectorTest {

    static final LocalDate MLK_DAY = LocalDate.of(2024, 1, 15);
    final GapDetector detector = new GapDetector(calendar(MLK_DAY));

    @Test
    void weekendsAndHolidaysAreNotGaps() {
        Set<LocalDate> known = new HashSet<>(calendar(MLK_DAY)
                .tradingDays(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 31)));

        assertThat(detector.gaps(known, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 2, 4))
                .stream().map(Gap::from).toList()).containsExactly(LocalDate.of(2024, 2, 1));
    }

    @Test
    void consecutiveMissingTradingDaysAcrossAWeekendAndAHolidayAreOneGap() {
        Set<LocalDate> known = new HashSet<>(calendar()
                .tradingDays(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 31)));
        for (int day = 11; day <= 17; day++) {
            known.remove(LocalDate.of(2024, 1, day));
        }
        known.remove(LocalDate.of(2024, 1, 31));

        assertThat(detector.gaps(known, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 31))).containsExactly(
                new Gap(LocalDate.of(2024, 1, 11), LocalDate.of(2024, 1, 17), 4),
                new Gap(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 1, 31), 1));
    }

    private static TradingCalendar calendar(LocalDate... holidays) {
        return new TradingCalendar("NYSE", EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Set.of(holidays));
    }
}

package dev.finflow.command.ingestion.gaps.domain;

import dev.finflow.events.calendar.TradingCalendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Compares the dates a symbol has bars for with the trading calendar: each run of consecutive trading days
 * without a bar is one gap, so one backfill run can fill it.
 */
public final class GapDetector {

    private final TradingCalendar calendar;

    public GapDetector(TradingCalendar calendar) {
        this.calendar = calendar;
    }

    public List<Gap> gaps(Set<LocalDate> known, LocalDate from, LocalDate to) {
        List<Gap> gaps = new ArrayList<>();
        LocalDate start = null;
        LocalDate end = null;
        int days = 0;
        for (LocalDate day : calendar.tradingDays(from, to)) {
            if (known.contains(day)) {
                if (start != null) {
                    gaps.add(new Gap(start, end, days));
                    start = null;
                }
                continue;
            }
            if (start == null) {
                start = day;
                days = 0;
            }
            end = day;
            days++;
        }
        if (start != null) {
            gaps.add(new Gap(start, end, days));
        }
        return gaps;
    }
}

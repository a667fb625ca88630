package dev.finflow.command.instruments.domain;

import dev.finflow.command.instruments.domain.quality.BarRules;
import dev.finflow.command.instruments.domain.quality.Judgement;
import dev.finflow.events.calendar.TradingCalendar;
import dev.finflow.events.market.Bar;
import dev.finflow.events.market.Finding;
import dev.finflow.events.market.IngestedBar;
import dev.finflow.events.market.QuarantinedBar;
import dev.finflow.events.market.RawBar;
import dev.finflow.events.market.Verdict;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides what a batch of bars becomes, bar by bar in date order, against a working copy of the instrument's
 * book so that each bar is judged with the batch's earlier bars in its history (a duplicate inside the batch, a
 * jump against yesterday's bar of the same file). The aggregate turns the outcome into events.
 */
final class BarIntake {

    /** A stored bar and the judged bar that revises it. */
    record Revision(Bar previous, Judgement revised) {
    }

    final List<IngestedBar> ingested = new ArrayList<>();
    final List<QuarantinedBar> quarantined = new ArrayList<>();
    final List<Revision> revisions = new ArrayList<>();
    private final List<BarsReport.BarFinding> findings = new ArrayList<>();
    private int received;
    private int duplicates;
    private int accepted;
    private int flagged;
    private int findingCount;

    static BarIntake review(List<RawBar> batch, BarBook book, BarRules rules, TradingCalendar calendar,
                            LocalDate today) {
        List<RawBar> sorted = new ArrayList<>(batch);
        sorted.sort(Comparator.comparing(RawBar::date, Comparator.nullsLast(Comparator.naturalOrder())));
        BarIntake intake = new BarIntake();
        BarBook working = book.copy();
        for (RawBar raw : sorted) {
            intake.take(raw, working, rules, calendar, today);
        }
        return intake;
    }

    private void take(RawBar raw, BarBook working, BarRules rules, TradingCalendar calendar, LocalDate today) {
        received++;
        Judgement read = rules.read(raw);
        if (read.bar() == null) {
            quarantine(raw, read);
            return;
        }
        Bar stored = working.get(read.bar().date());
        if (stored != null && stored.sameValuesAs(read.bar())) {
            duplicates++;
            return;
        }
        Judgement judged = rules.judge(read.bar(), today, calendar, working);
        if (judged.verdict() == Verdict.REJECTED) {
            quarantine(raw, judged);
            return;
        }
        note(raw.date(), judged);
        working.put(judged.bar());
        if (stored != null) {
            revisions.add(new Revision(stored, judged));
        } else {
            ingested.add(new IngestedBar(judged.bar(), judged.verdict(), judged.findings()));
        }
    }

    private void quarantine(RawBar raw, Judgement judged) {
        quarantined.add(new QuarantinedBar(raw, judged.findings()));
        note(raw.date(), judged);
    }

    private void note(String date, Judgement judged) {
        if (judged.verdict() == Verdict.ACCEPTED) {
            accepted++;
        } else if (judged.verdict() == Verdict.FLAGGED) {
            flagged++;
        }
        for (Finding finding : judged.findings()) {
            findingCount++;
            if (findings.size() < BarsReport.MAX_FINDINGS) {
                findings.add(new BarsReport.BarFinding(date, judged.verdict(), finding.rule(), finding.detail()));
            }
        }
    }

    boolean changesNothing() {
        return ingested.isEmpty() && quarantined.isEmpty() && revisions.isEmpty();
    }

    BarsReport report() {
        return new BarsReport(received, accepted, flagged, quarantined.size(), duplicates, revisions.size(),
                findings, findingCount - findings.size());
    }
}

package dev.finflow.command.instruments.domain.quality;

import dev.finflow.events.calendar.TradingCalendar;
import dev.finflow.events.market.Bar;
import dev.finflow.events.market.Finding;
import dev.finflow.events.market.RawBar;
import dev.finflow.events.market.Verdict;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges one bar by every named quality rule ({@link QualityRule}) and gives its verdict: the most severe of its
 * findings' verdicts, ACCEPTED without findings. Plain code with no clock: "today" and the calendar come from
 * the caller, the history from the aggregate, so the same bar always gets the same verdict.
 */
public final class BarRules {

    private final QualitySettings settings;

    public BarRules(QualitySettings settings) {
        this.settings = settings;
    }

    public QualitySettings settings() {
        return settings;
    }

    /** Reads the bar's fields; a bar that cannot be read is rejected by {@code required-fields}. */
    public Judgement read(RawBar raw) {
        List<Finding> findings = new ArrayList<>(1);
        Bar bar = RawBarReader.read(raw, findings);
        return new Judgement(bar, bar == null ? Verdict.REJECTED : Verdict.ACCEPTED, findings);
    }

    /** Judges a readable bar against today, its calendar and the instrument's stored history. */
    public Judgement judge(Bar bar, LocalDate today, TradingCalendar calendar, BarHistory history) {
        List<Finding> findings = new ArrayList<>(0);
        Verdict verdict = Verdict.ACCEPTED;
        verdict = worse(verdict, nonPositive(bar, findings));
        verdict = worse(verdict, ohlc(bar, findings));
        if (bar.volume() < 0) {
            findings.add(new Finding(QualityRule.NEGATIVE_VOLUME.id(), "volume " + bar.volume() + " is negative"));
            verdict = worse(verdict, settings.verdictOf(QualityRule.NEGATIVE_VOLUME));
        }
        if (bar.date().isAfter(today)) {
            findings.add(new Finding(QualityRule.FUTURE_DATE.id(), bar.date() + " is after today, " + today));
            verdict = worse(verdict, settings.verdictOf(QualityRule.FUTURE_DATE));
        }
        String closed = calendar.whyClosed(bar.date());
        if (closed != null) {
            findings.add(new Finding(QualityRule.TRADING_CALENDAR.id(), closed));
            verdict = worse(verdict, settings.verdictOf(QualityRule.TRADING_CALENDAR));
        }
        if (verdict != Verdict.REJECTED) {
            // Comparisons with history only mean something for a bar whose own numbers are sound.
            // One look at the history serves both rules.
            List<Bar> previous = history.before(bar.date(),
                    Math.max(settings.jump().window() + 1, settings.staleRepeats() - 1));
            Verdict jump = HistoryRules.jump(bar, previous.subList(0, Math.min(previous.size(),
                    settings.jump().window() + 1)), history, settings.jump(), findings);
            if (jump != null) {
                verdict = worse(verdict, jump == Verdict.REJECTED ? Verdict.REJECTED
                        : settings.verdictOf(QualityRule.JUMP));
            }
            if (HistoryRules.stale(bar, previous, settings.staleRepeats(), findings)) {
                verdict = worse(verdict, settings.verdictOf(QualityRule.STALE_REPEAT));
            }
        }
        return new Judgement(bar, verdict, findings);
    }

    private Verdict nonPositive(Bar bar, List<Finding> findings) {
        List<String> fields = new ArrayList<>(0);
        check(bar.open(), "open", fields);
        check(bar.high(), "high", fields);
        check(bar.low(), "low", fields);
        check(bar.close(), "close", fields);
        check(bar.adjustedClose(), "adjustedClose", fields);
        if (fields.isEmpty()) {
            return Verdict.ACCEPTED;
        }
        findings.add(new Finding(QualityRule.NON_POSITIVE_PRICE.id(), String.join(", ", fields)
                + (fields.size() == 1 ? " is" : " are") + " not positive"));
        return settings.verdictOf(QualityRule.NON_POSITIVE_PRICE);
    }

    private static void check(BigDecimal price, String field, List<String> fields) {
        if (price != null && price.signum() <= 0) {
            fields.add(field + " " + price.toPlainString());
        }
    }

    private Verdict ohlc(Bar bar, List<Finding> findings) {
        BigDecimal low = bar.low();
        BigDecimal high = bar.high();
        List<String> broken = new ArrayList<>(0);
        if (low.compareTo(high) > 0) {
            broken.add("low " + low.toPlainString() + " > high " + high.toPlainString());
        }
        between("open", bar.open(), low, high, broken);
        between("close", bar.close(), low, high, broken);
        if (broken.isEmpty()) {
            return Verdict.ACCEPTED;
        }
        findings.add(new Finding(QualityRule.OHLC_CONSISTENCY.id(), String.join("; ", broken)));
        return settings.verdictOf(QualityRule.OHLC_CONSISTENCY);
    }

    private static void between(String field, BigDecimal price, BigDecimal low, BigDecimal high, List<String> out) {
        if (price.compareTo(low) < 0 || price.compareTo(high) > 0) {
            out.add(field + " " + price.toPlainString() + " outside low " + low.toPlainString() + " .. high "
                    + high.toPlainString());
        }
    }

    private static Verdict worse(Verdict current, Verdict other) {
        return other.ordinal() > current.ordinal() ? other : current;
    }
}

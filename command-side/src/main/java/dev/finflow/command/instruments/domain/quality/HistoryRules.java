package dev.finflow.command.instruments.domain.quality;

import dev.finflow.events.market.Bar;
import dev.finflow.events.market.Finding;
import dev.finflow.events.market.Verdict;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The rules that compare a bar with the instrument's recent stored bars: a volatility-scaled jump (which a
 * recorded split explains) and a stale repeat. Doubles are fine here: they only measure, they are never stored
 * as prices.
 */
final class HistoryRules {

    private HistoryRules() {
    }

    /** The jump finding's verdict, or null when the close is in line with recent history. */
    static Verdict jump(Bar bar, List<Bar> previous, BarHistory history, QualitySettings.Jump settings,
                        List<Finding> findings) {
        if (previous.isEmpty()) {
            return null;
        }
        double r = logReturn(previous.get(0), bar.close(), bar.date(), history);
        double size = Math.abs(r);
        if (size <= settings.flagFloor()) {
            return null;
        }
        double sigma = sigma(previous, history, settings.minReturns());
        if (!Double.isNaN(sigma) && size <= settings.sigmas() * sigma) {
            return null;
        }
        Verdict verdict = size > settings.rejectFloor() ? Verdict.REJECTED : Verdict.FLAGGED;
        findings.add(new Finding(QualityRule.JUMP.id(), String.format(Locale.ROOT,
                "close %s is a log return of %+.3f from %s on %s%s", bar.close().toPlainString(), r,
                previous.get(0).close().toPlainString(), previous.get(0).date(),
                Double.isNaN(sigma) ? " (too little history for a volatility)"
                        : String.format(Locale.ROOT, ", %.1f times the recent daily volatility %.4f",
                        size / sigma, sigma))));
        return verdict;
    }

    /**
     * True (and a finding added) when the previous {@code repeats - 1} bars (of {@code newestFirst}) had the same
     * close and volume.
     */
    static boolean stale(Bar bar, List<Bar> newestFirst, int repeats, List<Finding> findings) {
        if (newestFirst.size() < repeats - 1) {
            return false;
        }
        List<Bar> previous = newestFirst.subList(0, repeats - 1);
        for (Bar earlier : previous) {
            if (earlier.close().compareTo(bar.close()) != 0 || earlier.volume() != bar.volume()) {
                return false;
            }
        }
        findings.add(new Finding(QualityRule.STALE_REPEAT.id(), "close " + bar.close().toPlainString()
                + " and volume " + bar.volume() + " are the same as on the " + (repeats - 1)
                + " previous trading days since " + previous.get(previous.size() - 1).date()));
        return true;
    }

    private static double logReturn(Bar from, BigDecimal close, LocalDate toDate, BarHistory history) {
        BigDecimal factor = history.splitFactor(from.date(), toDate);
        BigDecimal reference = factor.compareTo(BigDecimal.ONE) == 0 ? from.close()
                : from.close().divide(factor, MathContext.DECIMAL64);
        return Math.log(close.doubleValue() / reference.doubleValue());
    }

    /** Standard deviation of the returns between the given bars (newest first), NaN with too few. */
    private static double sigma(List<Bar> newestFirst, BarHistory history, int minReturns) {
        int n = newestFirst.size() - 1;
        if (n < minReturns) {
            return Double.NaN;
        }
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < n; i++) {
            Bar later = newestFirst.get(i);
            double r = logReturn(newestFirst.get(i + 1), later.close(), later.date(), history);
            sum += r;
            sumSquares += r * r;
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, sumSquares / n - mean * mean));
    }
}

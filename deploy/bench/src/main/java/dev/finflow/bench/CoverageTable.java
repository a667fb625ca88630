package dev.finflow.bench;

import dev.finflow.ml.evaluation.Backtest;
import dev.finflow.ml.intervals.CalibratedIntervals;
import dev.finflow.ml.intervals.Coverage;
import dev.finflow.ml.intervals.Volatility;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Held-out coverage of nominal 95% calibrated intervals (EWMA-volatility-scaled conformal quantiles of past errors,
 * walk-forward without look-ahead), per target, horizon and model: pooled over symbols with n and the Wilson 95%
 * interval, the lowest symbol, and the model's own (Gaussian) interval pooled for comparison.
 */
final class CoverageTable {

    /** Newest past errors an interval is calibrated on, as in the service. */
    static final int WINDOW = 250;

    private record Key(String target, int horizon, String model) {
    }

    private static final class Cell {
        Coverage pooled = new Coverage(0, 0);
        Coverage own = new Coverage(0, 0);
        String worstSymbol = "-";
        double worst = Double.POSITIVE_INFINITY;
    }

    private final Map<Key, Cell> cells = new LinkedHashMap<>();

    /**
     * Calibrates a backtest of {@code target} on one symbol. {@code closes} are the symbol's closes: the scale at an
     * origin is the EWMA volatility of the log returns up to it (times the close for the close target).
     */
    void add(String symbol, ForecastSkillBench.Target target, Backtest run, double[] closes) {
        double[] returns = new double[closes.length - 1];
        for (int t = 1; t < closes.length; t++) {
            returns[t - 1] = Math.log(closes[t] / closes[t - 1]);
        }
        double[] sigma = Volatility.path(returns);
        int h = run.plan().horizon();
        double[] scales = new double[run.size()];
        for (int i = 0; i < scales.length; i++) {
            int origin = run.origins()[i];
            scales[i] = target == ForecastSkillBench.Target.CLOSE
                    ? Volatility.scale(sigma[origin - 1], h, closes[origin]) : Volatility.scale(sigma[origin], h, 1);
        }
        Coverage c = CalibratedIntervals.walkForward(run.origins(), run.forecasts(), run.actuals(), scales, h,
                run.plan().level(), WINDOW).coverage();
        Cell cell = cells.computeIfAbsent(new Key(target.label, h, run.forecaster()), k -> new Cell());
        cell.pooled = cell.pooled.plus(c);
        if (c.rate() < cell.worst) {
            cell.worst = c.rate();
            cell.worstSymbol = symbol;
        }
        double own = run.coverage();
        if (!Double.isNaN(own)) {
            cell.own = cell.own.plus(new Coverage((int) Math.round(own * run.size()), run.size()));
        }
    }

    boolean isEmpty() {
        return cells.isEmpty();
    }

    void print(PrintStream out) {
        out.println();
        out.println("Calibrated 95% intervals, walk-forward (each calibrated on the newest " + WINDOW
                + " errors known at its origin, after " + CalibratedIntervals.MIN_ERRORS + "):");
        out.println();
        out.println("| target | h | model | n | coverage | 95% CI | in 93-97%? | lowest symbol | model's own interval |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        cells.forEach((key, cell) -> out.println(ForecastSkillBench.format(
                "| %s | %d | %s | %d | %.2f%% | %.2f-%.2f%% | %s | %s %.1f%% | %s |", key.target(), key.horizon(),
                key.model(), cell.pooled.n(), 100 * cell.pooled.rate(), 100 * cell.pooled.low(),
                100 * cell.pooled.high(), cell.pooled.withinBand() ? "yes" : "NO", cell.worstSymbol, 100 * cell.worst,
                cell.own.n() == 0 ? "-" : ForecastSkillBench.format("%.2f%%", 100 * cell.own.rate()))));
    }
}

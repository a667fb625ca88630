package dev.finflow.bench;

import dev.finflow.ml.arima.ArimaForecaster;
import dev.finflow.ml.arima.Order;
import dev.finflow.ml.baselines.Baselines;
import dev.finflow.ml.evaluation.Backtest;
import dev.finflow.ml.evaluation.Evaluation;
import dev.finflow.ml.evaluation.Forecaster;
import dev.finflow.ml.evaluation.WalkForward;
import dev.finflow.ml.evaluation.WalkForwardPlan;
import dev.finflow.ml.intervals.CalibratedIntervals;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Forecast skill on the real series (issue 5, item 9): walk-forward backtests of ARIMA and the baselines
 * for next-day log return, next-day absolute return and the close h days ahead; MAE ratio to the
 * baseline, Diebold-Mariano p-value, interval coverage, and estimation / forecast time per symbol.
 */
final class ForecastSkillBench {

    /** The three targets; {@link #models} is where further models (the LSTM) join the table. */
    enum Target {
        RETURN("next-day log return"), ABS_RETURN("next-day |log return|"), CLOSE("close h days ahead");

        final String label;

        Target(String label) {
            this.label = label;
        }
    }

    /** Largest p and q of the AIC grid for the return targets (--max-order). */
    private static int maxOrder = 2;
    private static CoverageTable coverage;

    private ForecastSkillBench() {
    }

    static void run(Options options) throws Exception {
        Path data = Path.of(options.get("data", RealSeries.DEFAULT_FILE));
        int initial = options.getInt("initial", 250);
        int refit = options.getInt("refit", 20);
        int horizon = options.getInt("horizon", 5);
        maxOrder = options.getInt("max-order", 2);
        String symbols = options.get("symbols", "");
        List<String> wanted = symbols.isBlank() ? List.of() : List.of(symbols.split(","));
        SkillTable table = new SkillTable();
        FitTiming timing = new FitTiming();
        coverage = new CoverageTable();
        for (MarketSeries series : MarketSeries.read(data)) {
            if (!wanted.isEmpty() && !wanted.contains(series.symbol())) {
                continue;
            }
            if (series.closes().length < initial + horizon + CalibratedIntervals.MIN_ERRORS + 2) {
                System.err.println("skipping " + series.symbol() + ": " + series.closes().length + " closes");
                continue;
            }
            var nextDay = WalkForwardPlan.expanding(initial, refit, 1);
            var hAhead = WalkForwardPlan.expanding(initial + 1, refit, horizon);
            compare(table, series, Target.RETURN, series.logReturns(), nextDay, Baselines.zeroReturn());
            compare(table, series, Target.ABS_RETURN, series.absoluteReturns(), nextDay,
                    Baselines.yesterday(), Baselines.ewma(Baselines.RISKMETRICS_LAMBDA));
            compare(table, series, Target.CLOSE, series.closes(), hAhead, Baselines.lastPrice());
            for (int h = 1; h < horizon; h++) { // the other horizons, for the baseline's calibrated coverage
                coverage.add(series.symbol(), Target.CLOSE, WalkForward.run(series.closes(), Baselines.lastPrice(),
                        WalkForwardPlan.expanding(initial + 1, refit, h)), series.closes());
            }
            for (Target target : Target.values()) {
                double[] values = target == Target.RETURN ? series.logReturns()
                        : target == Target.ABS_RETURN ? series.absoluteReturns() : series.closes();
                for (Forecaster model : models(target)) {
                    timing.measure(series.symbol(), target.label, model, values, target == Target.CLOSE ? horizon : 1);
                }
            }
        }
        if (coverage.isEmpty()) {
            throw new IllegalStateException("no series of " + data + " matched (symbols: "
                    + (wanted.isEmpty() ? "all" : wanted) + ") with enough values: nothing to report");
        }
        table.print(System.out, initial, refit, horizon);
        coverage.print(System.out);
        timing.print(System.out);
    }

    /**
     * Models per target: ARIMA by AIC (for returns also without the constant: a mean estimated on a year of
     * returns is mostly noise); add the LSTM's Forecaster here.
     */
    static List<Forecaster> models(Target target) {
        return switch (target) {
            case RETURN -> List.of(new ArimaForecaster(Order.grid(maxOrder, 0, maxOrder), false),
                    new ArimaForecaster(Order.grid(maxOrder, 0, maxOrder), false, false));
            case ABS_RETURN -> List.of(new ArimaForecaster(Order.grid(maxOrder, 0, maxOrder), false));
            case CLOSE -> List.of(new ArimaForecaster(Order.grid(1, 1, 1), true));
        };
    }

    private static void compare(SkillTable table, MarketSeries market, Target target, double[] series,
                                WalkForwardPlan plan, Forecaster... baselines) {
        String symbol = market.symbol();
        List<Backtest> baselineRuns = new ArrayList<>();
        for (Forecaster baseline : baselines) {
            Backtest run = WalkForward.run(series, baseline, plan);
            baselineRuns.add(run);
            coverage.add(symbol, target, run, market.closes());
        }

        List<Forecaster> candidates = new ArrayList<>(models(target));
        if (target == Target.ABS_RETURN) {
            candidates.add(Baselines.ewma(Baselines.RISKMETRICS_LAMBDA)); // EWMA against yesterday too
        }
        for (Forecaster model : candidates) {
            Backtest run = WalkForward.run(series, model, plan);
            if (!model.name().startsWith("EWMA")) { // EWMA's run is already in as a baseline
                coverage.add(symbol, target, run, market.closes());
            }
            for (Backtest baseline : baselineRuns) {
                if (!baseline.forecaster().equals(run.forecaster())) {
                    table.add(symbol, target, Evaluation.compare(target.label, run, baseline), run);
                }
            }
        }
    }

    static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}

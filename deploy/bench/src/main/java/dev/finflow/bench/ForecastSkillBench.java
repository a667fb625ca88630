package dev.finflow.bench;

import dev.finflow.ml.arima.ArimaForecaster;
import dev.finflow.ml.arima.Order;
import dev.finflow.ml.baselines.Baselines;
import dev.finflow.ml.evaluation.Backtest;
import dev.finflow.ml.evaluation.Evaluation;
import dev.finflow.ml.evaluation.Forecaster;
import dev.finflow.ml.evaluation.WalkForward;
import dev.finflow.ml.evaluation.WalkForwardPlan;
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

    private ForecastSkillBench() {
    }

    static void run(Options options) throws Exception {
        Path data = Path.of(options.get("data", "../shared/data/dash-stock-ticker-demo.csv"));
        int initial = options.getInt("initial", 250);
        int refit = options.getInt("refit", 20);
        int horizon = options.getInt("horizon", 5);
        List<String> wanted = List.of(options.get("symbols", "AAPL,COKE,GOOGL,TSLA,YHOO").split(","));
        SkillTable table = new SkillTable();
        for (MarketSeries series : MarketSeries.read(data)) {
            if (!wanted.contains(series.symbol())) {
                continue;
            }
            var nextDay = WalkForwardPlan.expanding(initial, refit, 1);
            var hAhead = WalkForwardPlan.expanding(initial + 1, refit, horizon);
            compare(table, series.symbol(), Target.RETURN, series.logReturns(), nextDay, Baselines.zeroReturn());
            compare(table, series.symbol(), Target.ABS_RETURN, series.absoluteReturns(), nextDay,
                    Baselines.yesterday(), Baselines.ewma(Baselines.RISKMETRICS_LAMBDA));
            compare(table, series.symbol(), Target.CLOSE, series.closes(), hAhead, Baselines.lastPrice());
        }
        table.print(System.out, initial, refit, horizon);
    }

    /** Models per target: ARIMA by AIC; add the LSTM's Forecaster here. */
    static List<Forecaster> models(Target target) {
        return switch (target) {
            case RETURN, ABS_RETURN -> List.of(new ArimaForecaster(Order.grid(2, 0, 2), false));
            case CLOSE -> List.of(new ArimaForecaster(Order.grid(1, 1, 1), true));
        };
    }

    private static void compare(SkillTable table, String symbol, Target target, double[] series,
                                WalkForwardPlan plan, Forecaster... baselines) {
        List<Backtest> baselineRuns = new ArrayList<>();
        for (Forecaster baseline : baselines) {
            baselineRuns.add(WalkForward.run(series, baseline, plan));
        }
        List<Forecaster> candidates = new ArrayList<>(models(target));
        if (target == Target.ABS_RETURN) {
            candidates.add(Baselines.ewma(Baselines.RISKMETRICS_LAMBDA)); // EWMA against yesterday too
        }
        for (Forecaster model : candidates) {
            Backtest run = WalkForward.run(series, model, plan);
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

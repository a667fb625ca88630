package dev.finflow.ml.intervals;

import dev.finflow.ml.baselines.Baselines;
import dev.finflow.ml.evaluation.Backtest;
import dev.finflow.ml.evaluation.Forecaster;
import dev.finflow.ml.evaluation.WalkForward;
import dev.finflow.ml.evaluation.WalkForwardPlan;

/**
 * Walk-forward calibrated coverage of the baselines' forecasts on one series of closes: next-day log return
 * (random walk), next-day absolute return (EWMA 0.94) and the close 1..5 days ahead (last price). Every interval
 * is calibrated on errors known at its origin and scaled by the volatility known at its origin.
 */
final class CoverageRun {

    static final int INITIAL = 250;
    static final int WINDOW = 250;
    static final double LEVEL = 0.95;

    enum Target { LOG_RETURN, ABS_RETURN, CLOSE }

    private CoverageRun() {
    }

    /** Coverage of the target at horizon h on the closes. */
    static Coverage coverage(double[] closes, Target target, int horizon) {
        double[] returns = new double[closes.length - 1];
        for (int t = 1; t < closes.length; t++) {
            returns[t - 1] = Math.log(closes[t] / closes[t - 1]);
        }
        double[] sigma = Volatility.path(returns);
        double[] series = switch (target) {
            case LOG_RETURN -> returns;
            case ABS_RETURN -> java.util.Arrays.stream(returns).map(Math::abs).toArray();
            case CLOSE -> closes;
        };
        Forecaster method = switch (target) {
            case LOG_RETURN -> Baselines.zeroReturn();
            case ABS_RETURN -> Baselines.ewma(Baselines.RISKMETRICS_LAMBDA);
            case CLOSE -> Baselines.lastPrice();
        };
        Backtest run = WalkForward.run(series, method, WalkForwardPlan.expanding(INITIAL, 1, horizon));
        double[] scales = new double[run.size()];
        for (int i = 0; i < scales.length; i++) {
            int origin = run.origins()[i];
            // closes[t] pairs with returns[t - 1]: the volatility known at the close of day t
            double s = target == Target.CLOSE ? sigma[origin - 1] : sigma[origin];
            scales[i] = Volatility.scale(s, horizon, target == Target.CLOSE ? closes[origin] : 1);
        }
        return CalibratedIntervals.walkForward(run.origins(), run.forecasts(), run.actuals(), scales, horizon,
                LEVEL, WINDOW).coverage();
    }
}

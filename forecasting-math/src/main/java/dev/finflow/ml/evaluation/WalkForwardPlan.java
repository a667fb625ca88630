package dev.finflow.ml.evaluation;

/**
 * How a backtest walks: the first forecast origin is after {@code initialWindow} values; estimates are
 * refreshed every {@code refitEvery} origins on the last {@code rollingWindow} values (0 = expanding: all
 * values so far); every origin forecasts {@code horizon} steps ahead with intervals at {@code level}.
 */
public record WalkForwardPlan(int initialWindow, int refitEvery, int horizon, int rollingWindow, double level) {

    public WalkForwardPlan {
        if (initialWindow < 2 || refitEvery < 1 || horizon < 1 || rollingWindow < 0
                || (rollingWindow > 0 && rollingWindow > initialWindow) || !(level > 0 && level < 1)) {
            throw new IllegalArgumentException("invalid walk-forward plan " + this);
        }
    }

    /** Expanding window, 95% intervals. */
    public static WalkForwardPlan expanding(int initialWindow, int refitEvery, int horizon) {
        return new WalkForwardPlan(initialWindow, refitEvery, horizon, 0, 0.95);
    }
}

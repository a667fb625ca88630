package dev.finflow.ml.arima;

import dev.finflow.ml.evaluation.Forecaster;
import java.util.List;

/**
 * ARIMA as a {@link Forecaster}: the order chosen by AIC over a grid at every refit, the estimates then
 * kept fixed and conditioned on the history known at each origin. With {@code logScale} the model is fitted
 * to log values and forecasts are mapped back with exp (the median; intervals stay exact).
 */
public final class ArimaForecaster implements Forecaster {

    private final List<Order> grid;
    private final boolean logScale;
    private final boolean includeConstant;

    public ArimaForecaster(List<Order> grid, boolean logScale) {
        this(grid, logScale, true);
    }

    /** @param includeConstant false for a zero-mean (returns) or driftless (prices) model */
    public ArimaForecaster(List<Order> grid, boolean logScale, boolean includeConstant) {
        if (grid.isEmpty()) {
            throw new IllegalArgumentException("empty order grid");
        }
        this.grid = List.copyOf(grid);
        this.logScale = logScale;
        this.includeConstant = includeConstant;
    }

    @Override
    public String name() {
        Order widest = grid.get(grid.size() - 1);
        return "ARIMA(p<=" + widest.p() + ",d=" + widest.d() + ",q<=" + widest.q() + ", AIC)"
                + (includeConstant ? "" : widest.d() == 0 ? " zero-mean" : " no drift") + (logScale ? " log" : "");
    }

    @Override
    public Predictor fit(double[] training) {
        ArimaModel model = ArimaOrderSelection.byAic(transform(training), grid, includeConstant);
        return (history, h, level) -> {
            ArimaForecast forecast = model.conditionedOn(transform(history)).forecast(h, level);
            double mean = forecast.mean()[h - 1];
            double lower = forecast.lower()[h - 1];
            double upper = forecast.upper()[h - 1];
            return logScale ? new Prediction(Math.exp(mean), Math.exp(lower), Math.exp(upper))
                    : new Prediction(mean, lower, upper);
        };
    }

    private double[] transform(double[] values) {
        if (!logScale) {
            return values;
        }
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.log(values[i]);
        }
        return out;
    }
}

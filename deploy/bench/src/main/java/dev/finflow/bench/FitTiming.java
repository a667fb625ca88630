package dev.finflow.bench;

import dev.finflow.ml.evaluation.Forecaster;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Training and forecast time per symbol on its whole history: one estimation (for ARIMA the AIC search
 * over the grid) and one forecast, each the median of a few repetitions, after one warm-up.
 */
final class FitTiming {

    private record Row(String symbol, String target, String model, int values, double fitMs, double forecastMs) {
    }

    private static final int REPEATS = 3;

    private final List<Row> rows = new ArrayList<>();

    void measure(String symbol, String target, Forecaster model, double[] series, int horizon) {
        model.fit(series).predict(series, horizon, 0.95);
        double[] fit = new double[REPEATS];
        double[] forecast = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            long started = System.nanoTime();
            Forecaster.Predictor predictor = model.fit(series);
            fit[i] = (System.nanoTime() - started) / 1e6;
            started = System.nanoTime();
            predictor.predict(series, horizon, 0.95);
            forecast[i] = (System.nanoTime() - started) / 1e6;
        }
        rows.add(new Row(symbol, target, model.name(), series.length, median(fit), median(forecast)));
    }

    void print(PrintStream out) {
        out.println();
        out.println("Training and forecast time per symbol (whole history, median of " + REPEATS + "):");
        out.println();
        out.println("| symbol | target | model | values | training ms | forecast ms |");
        out.println("|---|---|---|---|---|---|");
        for (Row row : rows) {
            out.println(ForecastSkillBench.format("| %s | %s | %s | %d | %.1f | %.3f |", row.symbol(), row.target(),
                    row.model(), row.values(), row.fitMs(), row.forecastMs()));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

package dev.finflow.ml.forecasting.domain;

import dev.finflow.ml.features.FeatureRow;
import dev.finflow.ml.intervals.CalibratedIntervals;
import dev.finflow.ml.intervals.ConformalQuantile;
import dev.finflow.ml.intervals.Coverage;
import dev.finflow.ml.intervals.Volatility;
import dev.finflow.ml.models.ForecastModel;
import dev.finflow.ml.models.Prediction;
import dev.finflow.ml.models.Target;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The service's calibrated intervals: a model's held-out errors at each horizon, in units of the EWMA volatility
 * known at their origin, give the conformal quantile stored with the model version; a live forecast's interval is
 * its point plus and minus that quantile times today's volatility. Coverage is checked walk-forward on the same
 * held-out days (each interval calibrated only on errors known at its origin), which is what promotion judges.
 */
public final class IntervalCalibration {

    /** Newest held-out errors a walk-forward interval is calibrated on. */
    static final int WINDOW = 250;

    private IntervalCalibration() {
    }

    /** The volatility known at the close of each row (row 0 has no return). */
    public static double[] sigma(List<FeatureRow> rows) {
        return Volatility.path(rows.stream().mapToDouble(r -> r.logReturn() == null ? Double.NaN : r.logReturn())
                .toArray());
    }

    /** Error scale of a forecast from {@code origin}, h days ahead, in the target's units. */
    public static double scale(double[] sigma, List<FeatureRow> rows, int origin, Target target, int horizon) {
        return Volatility.scale(sigma[origin], horizon, target == Target.CLOSE ? rows.get(origin).close() : 1);
    }

    /** Calibrated bounds around a point; a volatility forecast is never below zero. */
    public static double[] bounds(double point, double quantile, double scale, Target target) {
        double lower = point - quantile * scale;
        return new double[] {target == Target.ABS_RETURN ? Math.max(0, lower) : lower, point + quantile * scale};
    }

    /** Held-out errors at one horizon, the quantile to serve and the walk-forward coverage of the interval. */
    public record Horizon(double[] errors, double quantile, Coverage coverage) {
    }

    /** Scores {@code model} from every origin whose value h days later is among the held-out rows. */
    public static Horizon score(ForecastModel model, List<FeatureRow> rows, int split, double[] sigma, int horizon,
                                double level) {
        Target target = model.target();
        int[] origins = IntStream.rangeClosed(split - 1, rows.size() - 1 - horizon).toArray();
        List<Prediction> predictions = model.predictAll(rows, origins, horizon);
        int n = origins.length;
        double[] points = new double[n];
        double[] actuals = new double[n];
        double[] errors = new double[n];
        double[] scales = new double[n];
        double[] scaled = new double[n];
        for (int i = 0; i < n; i++) {
            points[i] = predictions.get(i).point();
            actuals[i] = target.actual(rows, origins[i], horizon);
            errors[i] = actuals[i] - points[i];
            scales[i] = scale(sigma, rows, origins[i], target, horizon);
            scaled[i] = Math.abs(errors[i]) / scales[i];
        }
        Coverage coverage = CalibratedIntervals.walkForward(origins, points, actuals, scales, horizon, level, WINDOW)
                .coverage();
        return new Horizon(errors, ConformalQuantile.of(scaled, level), coverage);
    }
}

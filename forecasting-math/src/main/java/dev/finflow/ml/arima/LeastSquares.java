package dev.finflow.ml.arima;

import java.util.function.Function;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Both estimators are sums of squares (CSS directly; the concentrated exact likelihood as the squares of
 * v_t / sqrt(F_t) scaled by the geometric mean of sqrt(F_t)), so one Levenberg-Marquardt from commons-math3
 * with a central-difference Jacobian serves both, and it converges far tighter than R's default BFGS.
 */
final class LeastSquares {

    private static final double STEP = 1e-6;

    private LeastSquares() {
    }

    static double[] minimise(Function<double[], double[]> objective, double[] start) {
        if (start.length == 0) {
            return start;
        }
        int m = objective.apply(start).length;
        Function<double[], double[]> residuals = guarded(objective, m);
        var problem = new LeastSquaresBuilder()
                .start(start)
                .target(new double[m])
                .model(point -> evaluate(residuals, point))
                .maxEvaluations(1_000)
                .maxIterations(400)
                .build();
        var optimizer = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(1e-12)
                .withParameterRelativeTolerance(1e-10)
                .withOrthoTolerance(1e-12);
        return optimizer.optimize(problem).getPoint().toArray();
    }

    /** As {@link #minimise}, or null when the optimiser runs out of iterations (a flat or ragged objective). */
    static double[] minimiseOrNull(Function<double[], double[]> objective, double[] start) {
        try {
            return minimise(objective, start);
        } catch (org.apache.commons.math3.exception.MathIllegalStateException e) {
            return null;
        }
    }

    /**
     * Points where the objective cannot be evaluated (a state-space model at the edge of stationarity, a
     * CSS recursion that overflows) get a huge constant residual, so the optimiser backs off instead of
     * failing.
     */
    private static Function<double[], double[]> guarded(Function<double[], double[]> objective, int m) {
        return x -> {
            try {
                double[] value = objective.apply(x);
                for (double v : value) {
                    if (!Double.isFinite(v)) {
                        return penalty(m);
                    }
                }
                return value;
            } catch (RuntimeException e) {
                return penalty(m);
            }
        };
    }

    private static double[] penalty(int m) {
        double[] out = new double[m];
        java.util.Arrays.fill(out, 1e10);
        return out;
    }

    private static Pair<RealVector, org.apache.commons.math3.linear.RealMatrix> evaluate(
            Function<double[], double[]> residuals, RealVector point) {
        double[] x = point.toArray();
        double[] value = residuals.apply(x);
        double[][] jacobian = new double[value.length][x.length];
        for (int j = 0; j < x.length; j++) {
            double h = STEP * Math.max(1.0, Math.abs(x[j]));
            double[] up = x.clone();
            double[] down = x.clone();
            up[j] += h;
            down[j] -= h;
            double[] plus = residuals.apply(up);
            double[] minus = residuals.apply(down);
            for (int i = 0; i < value.length; i++) {
                jacobian[i][j] = (plus[i] - minus[i]) / (2 * h);
            }
        }
        return new Pair<>(new ArrayRealVector(value, false), new Array2DRowRealMatrix(jacobian, false));
    }
}

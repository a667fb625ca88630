package dev.finflow.ml.arima;

import java.util.ArrayList;
import java.util.List;

/**
 * Starting points (ar, ma, constant) for the optimisers. Mixed ARMA models with nearly cancelling AR and
 * MA roots (common in financial series, which are close to white noise) have several local optima, so
 * for p > 0 and q > 0 the fit runs from a few spread-out points and keeps the best; pure AR or MA models
 * have a single optimum and start once.
 */
final class Starts {

    private Starts() {
    }

    /** From a previous fit (the CSS estimates for ML) first, then the spread-out points when mixed. */
    static List<double[]> of(ArmaFit previous, int p, int q) {
        List<double[]> starts = new ArrayList<>();
        double[] first = new double[p + q + 1];
        System.arraycopy(previous.ar(), 0, first, 0, p);
        System.arraycopy(previous.ma(), 0, first, p, q);
        first[p + q] = previous.constant();
        starts.add(first);
        starts.addAll(spread(p, q, previous.constant()));
        return starts;
    }

    static List<double[]> spread(int p, int q, double constant) {
        if (p == 0 || q == 0) {
            return List.of();
        }
        return List.of(point(p, q, 0.5, 0.5, -0.5, constant), point(p, q, -0.5, -0.5, 0.5, constant),
                point(p, q, 0.9, 0, -0.8, constant));
    }

    /** firstAr for phi_1, otherAr for phi_2..p, ma for every theta. */
    private static double[] point(int p, int q, double firstAr, double otherAr, double ma, double constant) {
        double[] x = new double[p + q + 1];
        for (int i = 0; i < p; i++) {
            x[i] = i == 0 ? firstAr : otherAr;
        }
        for (int j = 0; j < q; j++) {
            x[p + j] = ma;
        }
        x[p + q] = constant;
        return x;
    }
}

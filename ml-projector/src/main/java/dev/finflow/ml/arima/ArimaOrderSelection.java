package dev.finflow.ml.arima;

import java.util.List;

/**
 * Chooses the order by AIC among exact-ML fits over a grid (CSS likelihoods condition on different
 * numbers of values and cannot be compared across p). Orders that fail to fit are skipped.
 */
public final class ArimaOrderSelection {

    private ArimaOrderSelection() {
    }

    /**
     * @param grid candidate orders, usually {@link Order#grid(int, int, int)}; all should share one d,
     *             since AIC compares likelihoods of the same differenced data only
     * @throws IllegalArgumentException if no order in the grid could be fitted
     */
    public static ArimaModel byAic(double[] y, List<Order> grid) {
        ArimaModel best = null;
        RuntimeException lastFailure = null;
        for (Order order : grid) {
            try {
                ArimaModel candidate = Arima.fit(y, order, Method.ML);
                if (best == null || candidate.aic() < best.aic()) {
                    best = candidate;
                }
            } catch (RuntimeException e) {
                lastFailure = e;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no order in " + grid + " could be fitted", lastFailure);
        }
        return best;
    }
}

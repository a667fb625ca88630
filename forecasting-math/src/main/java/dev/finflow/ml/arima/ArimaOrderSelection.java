package dev.finflow.ml.arima;

import java.util.List;

/**
 * Chooses the order by AIC among exact-ML fits over a grid (CSS likelihoods condition on different
 * numbers of values and cannot be compared across p). Orders that fail to fit are skipped, and so are
 * degenerate fits ({@link DegenerateFit}: near-unit or cancelling roots), whose likelihood gain is an
 * artefact of a flat optimum; only when every order is degenerate is the best one reduced instead.
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
        return byAic(y, grid, true);
    }

    /** As {@link #byAic(double[], List)}, with or without the constant in every candidate. */
    public static ArimaModel byAic(double[] y, List<Order> grid, boolean includeConstant) {
        ArimaModel best = null;
        ArimaModel bestDegenerate = null;
        RuntimeException lastFailure = null;
        for (Order order : grid) {
            try {
                ArimaModel candidate = Arima.fit(y, order, Method.ML, includeConstant);
                if (DegenerateFit.diagnose(candidate) != null) {
                    bestDegenerate = bestDegenerate == null || candidate.aic() < bestDegenerate.aic() ? candidate
                            : bestDegenerate;
                } else if (best == null || candidate.aic() < best.aic()) {
                    best = candidate;
                }
            } catch (RuntimeException e) {
                lastFailure = e;
            }
        }
        if (best == null && bestDegenerate != null) {
            return DegenerateFit.fit(y, bestDegenerate.order(), Method.ML, includeConstant).model();
        }
        if (best == null) {
            throw new IllegalArgumentException("no order in " + grid + " could be fitted", lastFailure);
        }
        return best;
    }
}

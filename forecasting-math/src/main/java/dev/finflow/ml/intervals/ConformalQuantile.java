package dev.finflow.ml.intervals;

import java.util.Arrays;

/**
 * The split-conformal quantile of past absolute errors in units of their scale: the ceil((n + 1) level)-th smallest
 * of n values, which covers a new exchangeable value with probability at least {@code level} whatever their
 * distribution (fat tails included). Infinite when n is too small for the level.
 */
public final class ConformalQuantile {

    private ConformalQuantile() {
    }

    public static double of(double[] scaledAbsErrors, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("need 0 < level < 1");
        }
        int n = scaledAbsErrors.length;
        int k = (int) Math.ceil((n + 1) * level);
        if (n == 0 || k > n) {
            return Double.POSITIVE_INFINITY;
        }
        double[] sorted = scaledAbsErrors.clone();
        Arrays.sort(sorted);
        return sorted[k - 1];
    }
}

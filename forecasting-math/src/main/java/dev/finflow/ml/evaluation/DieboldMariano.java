package dev.finflow.ml.evaluation;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Diebold-Mariano test of equal forecast accuracy, with Harvey, Leybourne and Newbold's small-sample
 * correction and Student-t reference distribution. For h > 1 the loss differences are autocorrelated up
 * to lag h - 1, so their long-run variance is Newey-West (Bartlett weights 1 - k/h, which keep it
 * positive, unlike the rectangular window of the original paper).
 */
public final class DieboldMariano {

    /** The loss whose expected difference is tested. */
    public enum Loss {
        ABSOLUTE, SQUARED;

        double of(double error) {
            return this == ABSOLUTE ? Math.abs(error) : error * error;
        }
    }

    /**
     * @param statistic           HLN-corrected DM statistic; negative when the first forecaster's loss is lower
     * @param pValue              two-sided p-value from t with n - 1 degrees of freedom (1 when the losses never differ)
     * @param meanLossDifference  mean of loss(first) - loss(second)
     */
    public record Result(double statistic, double pValue, double meanLossDifference, int n, int horizon, Loss loss) {

        /** One-sided p-value of "the first forecaster's expected loss is lower" (for promotion decisions). */
        public double pValueFirstBetter() {
            return pValue == 1 && statistic == 0 ? 1 : new TDistribution(n - 1).cumulativeProbability(statistic);
        }
    }

    private DieboldMariano() {
    }

    /** Compares the errors of two forecasters made at the same origins for the same targets. */
    public static Result test(double[] errorsFirst, double[] errorsSecond, int horizon, Loss loss) {
        int n = errorsFirst.length;
        if (n != errorsSecond.length || n < 3 || horizon < 1) {
            throw new IllegalArgumentException("need two error series of the same length >= 3 and h >= 1");
        }
        double[] d = new double[n];
        double mean = 0;
        for (int t = 0; t < n; t++) {
            d[t] = loss.of(errorsFirst[t]) - loss.of(errorsSecond[t]);
            mean += d[t];
        }
        mean /= n;
        double longRunVariance = autocovariance(d, mean, 0);
        for (int k = 1; k < horizon && k < n; k++) {
            longRunVariance += 2 * (1 - (double) k / horizon) * autocovariance(d, mean, k);
        }
        if (!(longRunVariance > 0)) {
            return new Result(0, 1, mean, n, horizon, loss);
        }
        double dm = mean / Math.sqrt(longRunVariance / n);
        double correction = Math.sqrt((n + 1 - 2.0 * horizon + horizon * (horizon - 1.0) / n) / n);
        double statistic = dm * correction;
        double p = 2 * new TDistribution(n - 1).cumulativeProbability(-Math.abs(statistic));
        return new Result(statistic, p, mean, n, horizon, loss);
    }

    private static double autocovariance(double[] d, double mean, int lag) {
        double sum = 0;
        for (int t = lag; t < d.length; t++) {
            sum += (d[t] - mean) * (d[t - lag] - mean);
        }
        return sum / d.length;
    }
}

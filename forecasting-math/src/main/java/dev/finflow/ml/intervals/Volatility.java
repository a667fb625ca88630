package dev.finflow.ml.intervals;

/**
 * RiskMetrics' EWMA volatility of daily log returns: s2_t = lambda s2_{t-1} + (1 - lambda) r_t^2, started at the
 * mean square of the first 20 returns. It is the scale of every calibrated interval: errors are measured in units of
 * the volatility known at their origin, so a calm year's errors do not set the width of a turbulent day's interval.
 */
public final class Volatility {

    /** RiskMetrics' daily decay. */
    public static final double LAMBDA = 0.94;
    private static final int WARM_UP = 20;

    private Volatility() {
    }

    /**
     * sigma[t] = the volatility known after return t (uses returns 0..t only). NaN returns (a day without one) leave
     * the estimate unchanged.
     */
    public static double[] path(double[] logReturns) {
        double[] sigma = new double[logReturns.length];
        int warmUp = Math.min(WARM_UP, logReturns.length);
        double s2 = 0;
        int n = 0;
        for (int t = 0; t < warmUp; t++) {
            if (Double.isFinite(logReturns[t])) {
                s2 += logReturns[t] * logReturns[t];
                n++;
            }
        }
        s2 = n == 0 ? 0 : s2 / n;
        for (int t = 0; t < logReturns.length; t++) {
            double r = logReturns[t];
            if (Double.isFinite(r)) {
                s2 = LAMBDA * s2 + (1 - LAMBDA) * r * r;
            }
            sigma[t] = Math.sqrt(s2);
        }
        return sigma;
    }

    /**
     * The scale of an error h days ahead, in the target's units: sigma sqrt(h) for returns, price sigma sqrt(h)
     * for a price (returns compound over h days; a price moves in proportion to itself).
     */
    public static double scale(double sigma, int horizon, double priceLevel) {
        return sigma * Math.sqrt(horizon) * priceLevel;
    }
}

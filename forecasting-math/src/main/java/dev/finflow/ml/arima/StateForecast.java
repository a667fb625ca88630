package dev.finflow.ml.arima;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * h-step forecasts from the filtered state of the differenced series: means through T^i, then integrated
 * d times; the variance of y_{n+h} = sum_i c_{h-i} w_{n+i} adds the filter's remaining state covariance
 * (through sum_i c_{h-i} Z T^i) to the future shocks (through the cumulated psi weights Z T^k R).
 */
final class StateForecast {

    /** The standard normal, for its quantiles only (no random generator: none is drawn from it). */
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private StateForecast() {
    }

    static ArimaForecast forecast(ArmaStateSpace model, int d, double constant, double sigma2, double[] state,
                                  double[][] stateCovariance, double[] tails, int h, double level) {
        int r = model.r;
        double[] differenced = new double[h];
        double[][] rows = new double[h + 1][]; // rows[i] = Z T^i
        double[] psi = new double[h];          // psi[k] = Z T^k R
        double[] row = new double[r];
        row[0] = 1;
        rows[0] = row;
        for (int i = 1; i <= h; i++) {
            rows[i] = rowTimes(rows[i - 1], model.transition);
        }
        for (int i = 0; i < h; i++) {
            psi[i] = dot(rows[i], model.loading);
            differenced[i] = constant + dot(rows[i + 1], state);
        }
        double[] mean = Differencing.integrate(differenced, tails);
        double z = NORMAL.inverseCumulativeProbability(0.5 + level / 2);
        double[] se = new double[h];
        double[] lower = new double[h];
        double[] upper = new double[h];
        for (int step = 1; step <= h; step++) {
            double[] c = Differencing.integrationWeights(d, step);
            double[] combined = new double[r];
            for (int i = 1; i <= step; i++) {
                for (int k = 0; k < r; k++) {
                    combined[k] += c[step - i] * rows[i][k];
                }
            }
            double variance = dot(combined, KalmanFilter.multiply(stateCovariance, combined));
            for (int j = 1; j <= step; j++) {
                double weight = 0;
                for (int i = j; i <= step; i++) {
                    weight += c[step - i] * psi[i - j];
                }
                variance += weight * weight;
            }
            se[step - 1] = Math.sqrt(Math.max(0, variance) * sigma2);
            lower[step - 1] = mean[step - 1] - z * se[step - 1];
            upper[step - 1] = mean[step - 1] + z * se[step - 1];
        }
        return new ArimaForecast(mean, lower, upper, se, level);
    }

    private static double[] rowTimes(double[] row, double[][] m) {
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            for (int k = 0; k < row.length; k++) {
                out[j] += row[k] * m[k][j];
            }
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}

package dev.finflow.ml.arima;

/** d-fold differencing and its inverse for forecasts; the constant then lives on the differenced scale. */
final class Differencing {

    private Differencing() {
    }

    static double[] difference(double[] y, int d) {
        double[] out = y.clone();
        for (int k = 0; k < d; k++) {
            double[] next = new double[out.length - 1];
            for (int t = 0; t < next.length; t++) {
                next[t] = out[t + 1] - out[t];
            }
            out = next;
        }
        return out;
    }

    /** The last value of y, of its first difference, ... up to the (d-1)-th difference. */
    static double[] lastValues(double[] y, int d) {
        double[] tails = new double[d];
        double[] level = y;
        for (int k = 0; k < d; k++) {
            tails[k] = level[level.length - 1];
            level = difference(level, 1);
        }
        return tails;
    }

    /** Turns forecasts of the d-th difference back into forecasts of the series itself. */
    static double[] integrate(double[] differenced, double[] tails) {
        double[] out = differenced.clone();
        for (int k = tails.length - 1; k >= 0; k--) {
            double running = tails[k];
            for (int i = 0; i < out.length; i++) {
                running += out[i];
                out[i] = running;
            }
        }
        return out;
    }

    /** Coefficients c_k of 1 / (1 - B)^d: y_{n+h} depends on w_{n+i} with weight c_{h-i}. */
    static double[] integrationWeights(int d, int h) {
        double[] c = new double[h];
        for (int k = 0; k < h; k++) {
            c[k] = d == 0 ? (k == 0 ? 1 : 0) : binomial(k + d - 1, d - 1);
        }
        return c;
    }

    private static double binomial(int n, int k) {
        double result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
        }
        return result;
    }
}

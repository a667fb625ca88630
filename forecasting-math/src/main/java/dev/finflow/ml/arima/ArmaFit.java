package dev.finflow.ml.arima;

import java.util.Arrays;

/** Estimates on the differenced scale, before they are wrapped with the forecasting state. */
record ArmaFit(double[] ar, double[] ma, double constant, double sigma2, double logLikelihood, double aic) {

    static double[] ar(double[] x, int p) {
        return Arrays.copyOfRange(x, 0, p);
    }

    static double[] ma(double[] x, int p, int q) {
        return Arrays.copyOfRange(x, p, p + q);
    }
}

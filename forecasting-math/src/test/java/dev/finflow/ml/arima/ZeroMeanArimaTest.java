package dev.finflow.ml.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The constant can be left out (R's include.mean = FALSE); the estimates then solve the zero-mean problem. */
class ZeroMeanArimaTest {

    @Test
    void zeroMeanCssAr1IsLeastSquaresThroughTheOrigin() {
        double[] r = ReferenceSeries.logReturns("GOOGL");
        double cross = 0;
        double square = 0;
        for (int t = 1; t < r.length; t++) {
            cross += r[t] * r[t - 1];
            square += r[t - 1] * r[t - 1];
        }

        ArimaModel model = Arima.fit(r, new Order(1, 0, 0), Method.CSS, false);

        assertThat(model.constant()).isZero();
        assertThat(model.ar()[0]).isCloseTo(cross / square, within(1e-9));
    }

    @Test
    void zeroMeanForecastsDecayToZeroAndAicCountsOneParameterLess() {
        double[] r = ReferenceSeries.logReturns("AAPL");

        ArimaModel zeroMean = Arima.fit(r, new Order(1, 0, 1), Method.ML, false);
        ArimaModel withMean = Arima.fit(r, new Order(1, 0, 1), Method.ML, true);

        assertThat(zeroMean.forecast(200, 0.95).mean()[199]).isCloseTo(0, within(1e-9));
        assertThat(zeroMean.aic()).isCloseTo(-2 * zeroMean.logLikelihood() + 2 * 3, within(1e-9));
        assertThat(withMean.logLikelihood()).isGreaterThanOrEqualTo(zeroMean.logLikelihood() - 1e-6);
    }
}

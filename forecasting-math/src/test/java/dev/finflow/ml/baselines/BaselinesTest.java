package dev.finflow.ml.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.finflow.ml.evaluation.Forecaster.Prediction;
import org.junit.jupiter.api.Test;

class BaselinesTest {

    @Test
    void ewmaWeighsTheNewestValueByOneMinusLambda() {
        double[] history = new double[40];
        java.util.Arrays.fill(history, 0.01);
        history[39] = 0.05;

        double forecast = Baselines.ewma(0.94).fit(history).predict(history, 1, 0.95).mean();

        assertThat(forecast).isCloseTo(0.94 * 0.01 + 0.06 * 0.05, within(1e-15));
    }

    @Test
    void ewmaForgetsOldValuesGeometrically() {
        double[] history = new double[60];
        history[20] = 1.0; // one spike, 39 days before the end

        double forecast = Baselines.ewma(0.94).fit(history).predict(history, 1, 0.95).mean();

        assertThat(forecast).isCloseTo(0.06 * Math.pow(0.94, 39), within(1e-15));
    }

    @Test
    void yesterdayAndLastPriceRepeatTheLastValueWithSqrtHIntervals() {
        double[] prices = {100, 101, 100, 101, 100};

        Prediction oneDay = Baselines.lastPrice().fit(prices).predict(prices, 1, 0.95);
        Prediction fourDays = Baselines.yesterday().fit(prices).predict(prices, 4, 0.95);

        assertThat(oneDay.mean()).isEqualTo(100);
        assertThat(oneDay.upper() - oneDay.mean()).isCloseTo(1.959963984540054, within(1e-9));
        assertThat(fourDays.upper() - fourDays.mean()).isCloseTo(2 * 1.959963984540054, within(1e-9));
    }

    @Test
    void randomWalkReturnForecastIsZero() {
        double[] returns = {0.01, -0.02, 0.03};

        Prediction prediction = Baselines.zeroReturn().fit(returns).predict(returns, 1, 0.95);

        assertThat(prediction.mean()).isZero();
        assertThat(prediction.lower()).isNegative();
        assertThat(prediction.upper()).isEqualTo(-prediction.lower());
    }
}

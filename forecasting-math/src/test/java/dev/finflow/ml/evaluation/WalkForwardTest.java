package dev.finflow.ml.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finflow.ml.arima.ArimaForecaster;
import dev.finflow.ml.arima.Order;
import dev.finflow.ml.baselines.Baselines;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WalkForwardTest {

    static double[] randomWalkPrices(int n, long seed) {
        Random random = new Random(seed);
        double[] prices = new double[n];
        prices[0] = 100;
        for (int t = 1; t < n; t++) {
            prices[t] = prices[t - 1] * Math.exp(0.0005 + 0.015 * random.nextGaussian());
        }
        return prices;
    }

    @Test
    void changingFutureValuesDoesNotChangeEarlierForecasts() {
        double[] series = randomWalkPrices(260, 3);
        double[] altered = series.clone();
        int lastKnown = 200;
        for (int t = lastKnown + 1; t < altered.length; t++) {
            altered[t] *= 1.5 + 0.01 * t;
        }
        var plan = WalkForwardPlan.expanding(120, 10, 3);
        var arima = new ArimaForecaster(Order.grid(1, 1, 1), true);

        Backtest before = WalkForward.run(series, arima, plan);
        Backtest after = WalkForward.run(altered, arima, plan);

        int unchanged = 0;
        int changed = 0;
        for (int i = 0; i < before.size(); i++) {
            if (before.origins()[i] <= lastKnown) {
                assertThat(after.forecasts()[i]).isEqualTo(before.forecasts()[i]);
                assertThat(after.lower()[i]).isEqualTo(before.lower()[i]);
                unchanged++;
            } else if (after.forecasts()[i] != before.forecasts()[i]) {
                changed++;
            }
        }
        assertThat(unchanged).isEqualTo(lastKnown - 119 + 1);
        assertThat(changed).isPositive(); // the altered values do reach forecasts made after them
    }

    @Test
    void forecasterNeverSeesAValuePastTheOriginAndRefitsOnSchedule() {
        double[] series = new double[100];
        for (int t = 0; t < series.length; t++) {
            series[t] = t; // value == index, so a forecaster can tell what it was shown
        }
        List<Integer> trainingEnds = new ArrayList<>();
        List<Integer> trainingLengths = new ArrayList<>();
        Forecaster spy = new Forecaster() {
            @Override
            public String name() {
                return "spy";
            }

            @Override
            public Predictor fit(double[] training) {
                trainingEnds.add((int) training[training.length - 1]);
                trainingLengths.add(training.length);
                return (history, h, level) -> Prediction.point(history[history.length - 1]);
            }
        };

        Backtest backtest = WalkForward.run(series, spy, new WalkForwardPlan(30, 7, 5, 25, 0.9));

        assertThat(backtest.size()).isEqualTo(100 - 5 - 29);
        for (int i = 0; i < backtest.size(); i++) {
            assertThat(backtest.forecasts()[i]).isEqualTo(backtest.origins()[i]); // history ends at the origin
            assertThat(backtest.actuals()[i]).isEqualTo(backtest.origins()[i] + 5);
        }
        assertThat(trainingEnds).hasSize((backtest.size() + 6) / 7).startsWith(29, 36, 43);
        assertThat(trainingLengths).containsOnly(25);
    }

    @Test
    void baselinesGiveTheirTextbookForecasts() {
        double[] series = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        var plan = WalkForwardPlan.expanding(10, 1, 1);

        assertThat(WalkForward.run(series, Baselines.lastPrice(), plan).forecasts()).containsExactly(10, 11);
        assertThat(WalkForward.run(series, Baselines.zeroReturn(), plan).forecasts()).containsExactly(0, 0);
        assertThat(WalkForward.run(series, Baselines.lastPrice(), plan).mae()).isEqualTo(1.0);
        assertThat(WalkForward.run(series, Baselines.lastPrice(), plan).mase()).isEqualTo(1.0);
    }

    @Test
    void rejectsASeriesShorterThanThePlan() {
        assertThatThrownBy(() -> WalkForward.run(new double[10], Baselines.yesterday(),
                WalkForwardPlan.expanding(10, 1, 1))).isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.finflow.ml.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArimaOrderSelectionTest {

    /** A simulated AR(2) with mean 1: phi = (0.6, -0.3), unit-variance shocks, fixed seed. */
    static double[] ar2(int n, long seed) {
        Random random = new Random(seed);
        double[] y = new double[n + 200];
        for (int t = 2; t < y.length; t++) {
            y[t] = 0.6 * y[t - 1] - 0.3 * y[t - 2] + random.nextGaussian();
        }
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            out[t] = 1.0 + y[t + 200];
        }
        return out;
    }

    @Test
    void choosesTheOrderWithTheLowestAicAmongTheGrid() {
        double[] y = ar2(800, 42);
        List<Order> grid = Order.grid(2, 0, 2);

        ArimaModel chosen = ArimaOrderSelection.byAic(y, grid);

        for (Order order : grid) {
            assertThat(chosen.aic()).isLessThanOrEqualTo(Arima.fit(y, order, Method.ML).aic() + 1e-9);
        }
        assertThat(chosen.order().p()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void recoversTheSimulatedCoefficients() {
        ArimaModel model = Arima.fit(ar2(2000, 7), new Order(2, 0, 0), Method.ML);

        assertThat(model.ar()[0]).isCloseTo(0.6, within(0.06));
        assertThat(model.ar()[1]).isCloseTo(-0.3, within(0.06));
        assertThat(model.constant()).isCloseTo(1.0, within(0.1));
        assertThat(model.sigma2()).isCloseTo(1.0, within(0.1));
    }

    @Test
    void rejectsSeriesTooShortForTheOrder() {
        assertThatThrownBy(() -> Arima.fit(new double[] {1, 2, 3}, new Order(2, 0, 1), Method.CSS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs at least");
        assertThatThrownBy(() -> ArimaOrderSelection.byAic(new double[] {1, 2}, Order.grid(1, 0, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

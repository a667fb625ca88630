package dev.finflow.ml.arima;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The order search and the one-pass conditioning are shortcuts; these tests hold them to the long way round: every
 * order of the grid fitted on its own, and a fresh filter through each prefix.
 */
class ArimaSearchEquivalenceTest {

    static Stream<Arguments> searches() {
        return Stream.of("AAPL", "GOOGL", "TSLA").flatMap(symbol -> Stream.of(
                Arguments.of(symbol + " log returns", ReferenceSeries.logReturns(symbol), Order.grid(2, 0, 2)),
                Arguments.of(symbol + " log closes", logs(ReferenceSeries.closes(symbol)), Order.grid(1, 1, 1))));
    }

    static double[] logs(double[] values) {
        return Arrays.stream(values).map(Math::log).toArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("searches")
    void byAicPicksTheOrderAndEstimatesOfAnExhaustiveSearch(String name, double[] y, List<Order> grid) {
        ArimaModel exhaustive = null;
        for (Order order : grid) {
            ArimaModel fit = Arima.fit(y, order, Method.ML);
            if (DegenerateFit.diagnose(fit) == null && (exhaustive == null || fit.aic() < exhaustive.aic())) {
                exhaustive = fit;
            }
        }

        ArimaModel chosen = ArimaOrderSelection.byAic(y, grid);

        assertThat(chosen.order()).isEqualTo(exhaustive.order());
        assertThat(chosen.ar()).containsExactly(exhaustive.ar());
        assertThat(chosen.ma()).containsExactly(exhaustive.ma());
        assertThat(chosen.constant()).isEqualTo(exhaustive.constant());
        assertThat(chosen.aic()).isEqualTo(exhaustive.aic());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("searches")
    void conditioningOnEveryPrefixInOnePassEqualsAFreshFilterPerPrefix(String name, double[] y, List<Order> grid) {
        ArimaModel model = Arima.fit(Arrays.copyOf(y, 500), grid.get(grid.size() - 1), Method.ML);
        int[] lengths = {480, 500, 501, 600, 650, y.length};

        List<ArimaModel> conditioned = model.conditionedOnPrefixes(y, lengths);

        for (int i = 0; i < lengths.length; i++) {
            ArimaForecast onePass = conditioned.get(i).forecast(5, 0.95);
            ArimaForecast fresh = model.conditionedOn(Arrays.copyOf(y, lengths[i])).forecast(5, 0.95);
            assertThat(onePass.mean()).containsExactly(fresh.mean());
            assertThat(onePass.standardErrors()).containsExactly(fresh.standardErrors());
        }
    }
}

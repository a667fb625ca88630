package dev.finflow.ml.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.finflow.ml.eustocks.EuStocks;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The degenerate-fit guard on data never used to tune it (R's EuStockMarkets, see eustocks/eustocks.R) and on a
 * series whose ARMA structure is real.
 */
class DegenerateFitTest {

    private static double[] logDax() {
        return Arrays.stream(EuStocks.closes("DAX")).map(Math::log).toArray();
    }

    @Test
    void daxLogPricesArima111WithoutConstantIsDegenerate() {
        ArimaModel raw = Arima.fit(logDax(), new Order(1, 1, 1), Method.ML, false);

        assertThat(raw.ar()[0]).isGreaterThan(DegenerateFit.NEAR_UNIT);
        assertThat(Math.abs(raw.ar()[0] + raw.ma()[0])).isLessThan(DegenerateFit.CANCELLING);
        assertThat(DegenerateFit.diagnose(raw)).contains("cancel");
    }

    @Test
    void daxLogPricesArima111WithoutConstantFallsBackToTheRandomWalkWithDrift() {
        DegenerateFit.Guarded guarded = DegenerateFit.fit(logDax(), new Order(1, 1, 1), Method.ML, false);

        assertThat(guarded.fellBack()).isTrue();
        assertThat(guarded.model().order()).isEqualTo(new Order(0, 1, 0));
        assertThat(guarded.constantIncluded()).isTrue();
        // R: arima(diff(log(DAX)), c(0,0,0), include.mean = TRUE) -> intercept 0.0006520417477, loglik 5868.603976
        assertThat(guarded.model().constant()).isCloseTo(0.0006520417477, within(1e-9));
        assertThat(guarded.model().logLikelihood()).isCloseTo(5868.603976, within(1e-5));
        double[] mean = guarded.model().forecast(5, 0.95).mean();
        assertThat(mean[4] - mean[0]).isCloseTo(4 * 0.0006520417477, within(1e-9));
    }

    @Test
    void aWellIdentifiedArmaIsKept() {
        double[] y = ArimaOrderSelectionTest.ar2(800, 42);

        DegenerateFit.Guarded guarded = DegenerateFit.fit(y, new Order(2, 0, 0), Method.ML, true);

        assertThat(guarded.fellBack()).isFalse();
        assertThat(guarded.fallback()).isNull();
        assertThat(guarded.model().order()).isEqualTo(new Order(2, 0, 0));
        assertThat(guarded.model().ar()).isEqualTo(Arima.fit(y, new Order(2, 0, 0), Method.ML).ar());
    }

    @Test
    void anArma11WithSeparateRootsIsKept() {
        double[] y = ArimaOrderSelectionTest.ar2(800, 7);

        DegenerateFit.Guarded guarded = DegenerateFit.fit(y, new Order(1, 0, 1), Method.ML, true);

        assertThat(DegenerateFit.diagnose(guarded.model())).isNull();
        assertThat(guarded.model().order()).isEqualTo(new Order(1, 0, 1));
    }

    @Test
    void orderSelectionSkipsDegenerateCandidates() {
        ArimaModel chosen = ArimaOrderSelection.byAic(logDax(), Order.grid(1, 1, 1), false);

        assertThat(DegenerateFit.diagnose(chosen)).isNull();
    }
}

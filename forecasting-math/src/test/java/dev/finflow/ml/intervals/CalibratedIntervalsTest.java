package dev.finflow.ml.intervals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibratedIntervalsTest {

    @Test
    void wilsonIntervalMatchesR() {
        // R: prop.test(1321, 1388, correct = FALSE)$conf.int and prop.test(90, 100, correct = FALSE)$conf.int
        assertThat(new Coverage(1321, 1388).low()).isCloseTo(0.939153163245, within(1e-11));
        assertThat(new Coverage(1321, 1388).high()).isCloseTo(0.961811520666, within(1e-11));
        assertThat(new Coverage(90, 100).low()).isCloseTo(0.825634338495, within(1e-11));
        assertThat(new Coverage(90, 100).high()).isCloseTo(0.944770862939, within(1e-11));
    }

    @Test
    void coverageMissesTheBandWhenItsWholeIntervalIsOutsideOrItIsBelowTheFloor() {
        assertThat(new Coverage(90, 100).missesBand()).isFalse(); // 90% of 100: could be 94% in truth
        assertThat(new Coverage(37, 42).missesBand()).isTrue(); // 88.1%: below the 90% floor, never served
        assertThat(new Coverage(900, 1000).missesBand()).isTrue();
        assertThat(new Coverage(995, 1000).missesBand()).isTrue();
        assertThat(new Coverage(0, 0).missesBand()).isTrue();
    }

    @Test
    void conformalQuantileIsTheCeilingRankAndInfiniteOnTooFewErrors() {
        double[] errors = new double[39];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = i + 1;
        }
        assertThat(ConformalQuantile.of(errors, 0.95)).isEqualTo(38); // ceil(40 * 0.95) = 38th smallest
        assertThat(ConformalQuantile.of(Arrays.copyOf(errors, 18), 0.95)).isInfinite();
    }

    @Test
    void laterValuesNeverChangeEarlierIntervals() {
        int n = 300;
        int[] origins = new int[n];
        double[] forecasts = new double[n];
        double[] actuals = new double[n];
        double[] scales = new double[n];
        Random random = new Random(3);
        for (int i = 0; i < n; i++) {
            origins[i] = 100 + i;
            actuals[i] = random.nextGaussian() * (1 + i % 7);
            scales[i] = 1 + i % 7;
        }
        var before = CalibratedIntervals.walkForward(origins, forecasts, actuals, scales, 5, 0.95, 100);
        double[] changed = actuals.clone();
        for (int i = 200; i < n; i++) {
            changed[i] = 1e6;
        }
        var after = CalibratedIntervals.walkForward(origins, forecasts, changed, scales, 5, 0.95, 100);

        // the forecast at 204 (and before) knows outcomes up to index 199 only: origin + 5 <= its own origin
        assertThat(Arrays.copyOf(after.upper(), 205)).isEqualTo(Arrays.copyOf(before.upper(), 205));
        assertThat(after.upper()[206]).isGreaterThan(before.upper()[206]);
        // the first interval needs MIN_ERRORS realised errors: at index i those of 0..i-5
        assertThat(before.lower()[CalibratedIntervals.MIN_ERRORS + 3]).isNaN();
        assertThat(before.lower()[CalibratedIntervals.MIN_ERRORS + 4]).isFinite();
    }

    @Test
    void intervalsWidenWithTheVolatilityKnownAtTheirOrigin() {
        double[] calm = new double[60];
        double[] turbulent = new double[60];
        Arrays.fill(calm, 0.01);
        System.arraycopy(calm, 0, turbulent, 0, 60);
        Arrays.fill(turbulent, 40, 60, 0.05);
        double[] a = Volatility.path(calm);
        double[] b = Volatility.path(turbulent);
        assertThat(a[59]).isCloseTo(0.01, within(1e-12));
        assertThat(b[39]).isEqualTo(a[39]);
        assertThat(b[59]).isGreaterThan(3 * a[59]);
    }
}

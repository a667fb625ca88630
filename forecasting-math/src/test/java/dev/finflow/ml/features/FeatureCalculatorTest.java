package dev.finflow.ml.features;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FeatureCalculatorTest {

    private static final List<PricePoint> AAPL = RealPrices.points("AAPL", 1);

    @Test
    void laterBarsNeverChangeEarlierRows() {
        List<FeatureRow> full = FeatureCalculator.compute("AAPL", AAPL);
        for (int prefix : new int[]{1, 20, 27, 60, 300}) {
            List<FeatureRow> partial = FeatureCalculator.compute("AAPL", AAPL.subList(0, prefix));
            assertThat(partial).isEqualTo(full.subList(0, prefix));
        }
    }

    @Test
    void windowsStayEmptyUntilFull() {
        List<FeatureRow> rows = FeatureCalculator.compute("AAPL", AAPL);
        assertThat(rows.get(0).logReturn()).isNull();
        assertThat(rows.get(18).sma20()).isNull();
        assertThat(rows.get(19).sma20()).isNotNull();
        assertThat(rows.get(48).sma50()).isNull();
        assertThat(rows.get(24).ema26()).isNull();
        assertThat(rows.get(32).macdSignal()).isNull();
        assertThat(rows.get(33).macdSignal()).isNotNull();
        assertThat(rows.get(13).rsi14()).isNull();
        assertThat(rows.get(14).rsi14()).isNotNull();
        assertThat(rows.get(19).realizedVol20()).isNull();
        assertThat(rows.get(20).realizedVol20()).isNotNull();
    }

    @Test
    void featuresMatchTheirTextbookDefinitions() {
        List<FeatureRow> rows = FeatureCalculator.compute("AAPL", AAPL);
        int i = 200;
        double sum = 0;
        double[] closes = new double[20];
        for (int k = 0; k < 20; k++) {
            closes[k] = AAPL.get(i - 19 + k).close();
            sum += closes[k];
        }
        double sma = sum / 20;
        double var = 0;
        for (double c : closes) {
            var += (c - sma) * (c - sma);
        }
        FeatureRow row = rows.get(i);
        assertThat(row.sma20()).isCloseTo(sma, within(1e-9));
        assertThat(row.bollingerUpper()).isCloseTo(sma + 2 * Math.sqrt(var / 20), within(1e-9));
        assertThat(row.logReturn()).isCloseTo(Math.log(AAPL.get(i).close() / AAPL.get(i - 1).close()), within(1e-12));
        assertThat(row.macd()).isCloseTo(row.ema12() - row.ema26(), within(1e-12));
        assertThat(row.ema12()).isCloseTo(2.0 / 13 * row.close() + 11.0 / 13 * rows.get(i - 1).ema12(), within(1e-9));
        assertThat(rows).allSatisfy(r -> {
            if (r.rsi14() != null) {
                assertThat(r.rsi14()).isBetween(0.0, 100.0);
            }
        });
    }

    @Test
    void aFlatSeriesHasNoVolatilityAndFullRsi() {
        List<PricePoint> flatUp = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            flatUp.add(new PricePoint(java.time.LocalDate.of(2020, 1, 1).plusDays(i), 100 + i, 1000, 1));
        }
        FeatureRow last = FeatureCalculator.compute("X", flatUp).get(59);
        assertThat(last.rsi14()).isEqualTo(100.0);
        assertThat(last.volumeZ20()).isEqualTo(0.0);
    }
}

package dev.finflow.ml.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forecasts and their standard errors against R's {@code predict()} (forecasts.csv from reference.R):
 * ARMA(1,1) with mean (d = 0), ARIMA(1,1,0) with drift (d = 1), ARIMA(0,2,1) without constant (d = 2).
 */
class ArimaForecastTest {

    record RForecast(String symbol, String series, Order order, double ar1, double ma1, double constant,
                     double sigma2, int h, double mean, double se) {

        @Override
        public String toString() {
            return symbol + " " + series + " " + order + " h=" + h;
        }
    }

    static Stream<RForecast> rForecasts() throws IOException, URISyntaxException {
        List<String> lines = Files.readAllLines(Path.of(ArimaForecastTest.class.getResource("/arima/forecasts.csv").toURI()));
        return lines.stream().skip(1).filter(line -> !line.isBlank()).map(line -> line.split(",")).map(f -> new RForecast(
                f[0], f[1], new Order(Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4])),
                f[5].equals("NA") ? Double.NaN : Double.parseDouble(f[5]), f[6].equals("NA") ? Double.NaN : Double.parseDouble(f[6]),
                Double.parseDouble(f[7]), Double.parseDouble(f[8]), Integer.parseInt(f[9]),
                Double.parseDouble(f[10]), Double.parseDouble(f[11])));
    }

    static double[] series(String symbol, String kind) {
        if (kind.equals("logprices")) {
            return Stream.of(ReferenceSeries.closes(symbol)).flatMapToDouble(java.util.Arrays::stream).map(Math::log)
                    .toArray();
        }
        return ReferenceSeries.series(symbol, kind);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rForecasts")
    void forecastsFromRsCoefficientsEqualRsPredictions(RForecast r) {
        double[] ma = r.order().q() == 0 ? new double[0] : new double[] {r.ma1()};
        double[] ar = r.order().p() == 0 ? new double[0] : new double[] {r.ar1()};
        ArimaModel model = ArimaModel.fromCoefficients(series(r.symbol(), r.series()), r.order(), ar, ma,
                r.constant(), r.sigma2());

        ArimaForecast forecast = model.forecast(r.h(), 0.95);

        assertThat(forecast.mean()[r.h() - 1]).isCloseTo(r.mean(), within(1e-9 + 1e-9 * Math.abs(r.mean())));
        assertThat(forecast.standardErrors()[r.h() - 1]).isCloseTo(r.se(), within(1e-7 * r.se()));
    }

    @Test
    void driftModelOnLogPricesIsTheMeanModelOnLogReturns() {
        double[] logPrices = series("AAPL", "logprices");
        double[] returns = ReferenceSeries.logReturns("AAPL");

        ArimaModel onPrices = Arima.fit(logPrices, new Order(1, 1, 0), Method.ML);
        ArimaModel onReturns = Arima.fit(returns, new Order(1, 0, 0), Method.ML);

        assertThat(onPrices.ar()[0]).isCloseTo(onReturns.ar()[0], within(1e-9));
        assertThat(onPrices.constant()).isCloseTo(onReturns.constant(), within(1e-12));
        assertThat(onPrices.logLikelihood()).isCloseTo(onReturns.logLikelihood(), within(1e-9));
        double lastPrice = logPrices[logPrices.length - 1];
        assertThat(onPrices.forecast(1, 0.95).mean()[0])
                .isCloseTo(lastPrice + onReturns.forecast(1, 0.95).mean()[0], within(1e-12));
    }

    @Test
    void intervalsAreCentredAndWidenWithTheHorizonAndTheLevel() {
        ArimaModel model = Arima.fit(series("GOOGL", "logprices"), new Order(0, 1, 1), Method.CSS);

        ArimaForecast narrow = model.forecast(20, 0.80);
        ArimaForecast wide = model.forecast(20, 0.95);

        for (int i = 0; i < 20; i++) {
            assertThat(wide.mean()[i] - wide.lower()[i]).isCloseTo(wide.upper()[i] - wide.mean()[i], within(1e-12));
            assertThat(wide.upper()[i] - wide.lower()[i]).isGreaterThan(narrow.upper()[i] - narrow.lower()[i]);
            assertThat(wide.lower()[i]).isCloseTo(wide.mean()[i] - 1.959963984540054 * wide.standardErrors()[i],
                    within(1e-12));
            if (i > 0) {
                assertThat(wide.standardErrors()[i]).isGreaterThan(wide.standardErrors()[i - 1]);
            }
        }
    }

    @Test
    void conditioningOnMoreDataKeepsTheCoefficientsAndMovesTheForecastOrigin() {
        double[] all = ReferenceSeries.logReturns("TSLA");
        double[] training = java.util.Arrays.copyOf(all, 500);
        ArimaModel fitted = Arima.fit(training, new Order(1, 0, 0), Method.ML);

        ArimaModel later = fitted.conditionedOn(all);

        assertThat(later.ar()).containsExactly(fitted.ar());
        assertThat(later.constant()).isEqualTo(fitted.constant());
        double expected = later.constant() + later.ar()[0] * (all[all.length - 1] - later.constant());
        assertThat(later.forecast(1, 0.9).mean()[0]).isCloseTo(expected, within(1e-15));
    }
}

package dev.finflow.ml.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.finflow.ml.arima.ReferenceSeries.RFit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Finflow's ARIMA against R's {@code stats::arima} on AAPL, GOOGL and TSLA (reference.R produced the
 * values). The likelihood check is exact arithmetic on both sides, so it holds to 1e-4 everywhere; the
 * coefficient checks compare two optimisers on the same objective.
 */
class ArimaReferenceTest {

    static Stream<RFit> cssFits() {
        return ReferenceSeries.rFits().stream().filter(fit -> fit.method() == Method.CSS);
    }

    static Stream<RFit> mlFits() {
        return ReferenceSeries.rFits().stream().filter(fit -> fit.method() == Method.ML);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cssFits")
    void cssCoefficientsMatchRWithin1e4(RFit r) {
        ArimaModel model = Arima.fit(ReferenceSeries.series(r.symbol(), r.series()), r.order(), Method.CSS);

        System.out.printf("CSS %s: sigma2 Finflow %.12g R %.12g; coefficients %s%n", r, model.sigma2(), r.sigma2(),
                model);
        assertThat(model.ar()).containsExactly(r.ar(), within(1e-4));
        assertThat(model.ma()).containsExactly(r.ma(), within(1e-4));
        assertThat(model.constant()).isCloseTo(r.intercept(), within(1e-4));
        assertThat(model.sigma2()).isCloseTo(r.sigma2(), within(1e-4 * r.sigma2()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mlFits")
    void kalmanLogLikelihoodAtRsEstimatesEqualsRsLogLikelihood(RFit r) {
        double logLik = Arima.logLikelihood(ReferenceSeries.series(r.symbol(), r.series()), r.order(),
                r.ar(), r.ma(), r.intercept());

        System.out.printf("loglik at R's ML estimates %s: Finflow - R = %.2e%n", r, logLik - r.logLik());
        assertThat(logLik).isCloseTo(r.logLik(), within(1e-4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mlFits")
    void mlFitReachesAtLeastRsLikelihood(RFit r) {
        ArimaModel model = Arima.fit(ReferenceSeries.series(r.symbol(), r.series()), r.order(), Method.ML);

        System.out.printf("ML %s: loglik Finflow %.6f R %.6f; max |coef diff| %.2e%n", r, model.logLikelihood(),
                r.logLik(), maxCoefficientDifference(model, r));
        assertThat(model.logLikelihood()).isGreaterThan(r.logLik() - 1e-4);
        assertThat(model.aic()).isCloseTo(-2 * model.logLikelihood() + 2 * (r.order().p() + r.order().q() + 2),
                within(1e-9));
    }

    static double maxCoefficientDifference(ArimaModel model, RFit r) {
        double max = Math.abs(model.constant() - r.intercept());
        for (int i = 0; i < r.ar().length; i++) {
            max = Math.max(max, Math.abs(model.ar()[i] - r.ar()[i]));
        }
        for (int j = 0; j < r.ma().length; j++) {
            max = Math.max(max, Math.abs(model.ma()[j] - r.ma()[j]));
        }
        return max;
    }
}

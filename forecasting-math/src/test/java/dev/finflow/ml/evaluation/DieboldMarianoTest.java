package dev.finflow.ml.evaluation;

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

/** Against R's forecast::dm.test (dm-reference.R), and the behaviour the verdicts rely on. */
class DieboldMarianoTest {

    record RCase(String first, String second, int h, int power, double statistic, double pValue) {
    }

    static Stream<RCase> rCases() throws IOException, URISyntaxException {
        return lines("dm-reference.csv").stream().map(line -> line.split(",")).map(f -> new RCase(f[0], f[1],
                Integer.parseInt(f[2]), Integer.parseInt(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])));
    }

    static double[] errors(String name) throws IOException, URISyntaxException {
        List<String> rows = lines("dm-errors.csv");
        int column = List.of("base", "good", "same", "ma").indexOf(name);
        return rows.stream().mapToDouble(row -> Double.parseDouble(row.split(",")[column])).toArray();
    }

    private static List<String> lines(String name) throws IOException, URISyntaxException {
        Path path = Path.of(DieboldMarianoTest.class.getResource("/evaluation/" + name).toURI());
        return Files.readAllLines(path).stream().skip(1).filter(line -> !line.isBlank()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rCases")
    void matchesRsDmTestWithHlnCorrectionAndBartlettVariance(RCase r) throws Exception {
        var loss = r.power() == 1 ? DieboldMariano.Loss.ABSOLUTE : DieboldMariano.Loss.SQUARED;

        var result = DieboldMariano.test(errors(r.first()), errors(r.second()), r.h(), loss);

        assertThat(result.statistic()).isCloseTo(r.statistic(), within(1e-9));
        assertThat(result.pValue()).isCloseTo(r.pValue(), within(1e-9));
        double oneSided = result.statistic() < 0 ? r.pValue() / 2 : 1 - r.pValue() / 2;
        assertThat(result.pValueFirstBetter()).isCloseTo(oneSided, within(1e-9));
    }

    @Test
    void identicalForecastsAreNeverSignificant() {
        double[] errors = {0.1, -0.2, 0.3, -0.1, 0.05};

        var result = DieboldMariano.test(errors, errors.clone(), 1, DieboldMariano.Loss.ABSOLUTE);

        assertThat(result.pValue()).isEqualTo(1.0);
        assertThat(result.meanLossDifference()).isZero();
    }

    @Test
    void lowerMaeWithoutSignificanceIsNotCalledBetter() throws Exception {
        double[] base = errors("base");
        double[] slightlyBetter = base.clone();
        slightlyBetter[0] = base[0] * 0.5; // one forecast improved: lower MAE, no evidence
        WalkForwardPlan plan = WalkForwardPlan.expanding(2, 1, 1);
        Backtest baseline = backtest("baseline", plan, base);
        Backtest model = backtest("model", plan, slightlyBetter);

        Evaluation evaluation = Evaluation.compare("test", model, baseline);

        assertThat(evaluation.maeRatio()).isLessThan(1);
        assertThat(evaluation.dmPValue()).isGreaterThan(0.05);
        assertThat(evaluation.betterThanBaseline()).isFalse();
        assertThat(Evaluation.compare("test", backtest("good", plan, errors("good")), baseline).betterThanBaseline())
                .isTrue();
    }

    /** A backtest whose errors are the given ones (forecast 0, actual = error). */
    static Backtest backtest(String name, WalkForwardPlan plan, double[] errors) {
        int n = errors.length;
        int[] origins = java.util.stream.IntStream.range(0, n).toArray();
        double[] nan = new double[n];
        java.util.Arrays.fill(nan, Double.NaN);
        return new Backtest(name, plan, origins, new double[n], nan, nan, errors.clone(), 1.0, 0, 0);
    }
}

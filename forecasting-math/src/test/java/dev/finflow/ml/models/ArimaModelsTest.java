package dev.finflow.ml.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finflow.ml.features.FeatureRow;
import dev.finflow.ml.features.FeatureRows;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ArimaModelsTest {

    static List<FeatureRow> rows(int days, long seed) {
        Random random = new Random(seed);
        List<LocalDate> dates = new ArrayList<>();
        double[] closes = new double[days];
        long[] volumes = new long[days];
        double price = 100;
        for (int t = 0; t < days; t++) {
            price *= Math.exp(0.0003 + 0.015 * random.nextGaussian());
            dates.add(LocalDate.of(2015, 1, 1).plusDays(t));
            closes[t] = price;
            volumes[t] = 1_000_000 + random.nextInt(100_000);
        }
        return FeatureRows.of("SYN", dates, closes, volumes);
    }

    /** Scoring asks for every held-out origin at once; the answers must be those of one origin at a time. */
    @ParameterizedTest
    @EnumSource(value = Target.class, names = {"LOG_RETURN", "CLOSE"})
    void forecastsFromManyOriginsEqualForecastsFromEachOrigin(Target target) {
        List<FeatureRow> rows = rows(400, 3);
        try (ForecastModel model = ModelCatalog.arima(0.95).train(rows.subList(0, 320), target)) {
            int[] origins = IntStream.rangeClosed(319, 394).toArray();
            for (int h : new int[] {1, 5}) {
                List<Prediction> all = model.predictAll(rows, origins, h);

                for (int i = 0; i < origins.length; i++) {
                    assertThat(all.get(i)).isEqualTo(model.predict(rows, origins[i], h));
                }
            }
        }
    }
}

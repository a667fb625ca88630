package dev.finflow.ml.forecasting.process;

import dev.finflow.ml.forecasting.domain.IntervalCalibration;
import dev.finflow.ml.forecasting.domain.Skill;
import dev.finflow.ml.forecasting.store.ForecastTable;
import dev.finflow.ml.forecasting.domain.Forecast;
import dev.finflow.events.market.Bar;
import dev.finflow.ml.MarketEvents;
import dev.finflow.ml.MlTest;
import dev.finflow.ml.models.Target;
import dev.finflow.ml.registry.store.ModelRegistry;
import dev.finflow.ml.registry.domain.ModelVersion;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Training, promotion, forecasts with lineage, live monitoring and degradation retraining, through the API. */
@MlTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ForecastingTest {

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ForecastingService forecasting;
    @Autowired
    ModelRegistry registry;
    @Autowired
    ForecastTable forecasts;
    @Autowired
    dev.finflow.ml.features.projection.FeatureTable features;

    MarketEvents events;

    @BeforeEach
    void events() {
        events = new MarketEvents(eventStore, jdbc, processing);
    }

    @Test
    @Order(1)
    void trainsModelsPromotesTheBestOnHeldOutDataAndForecastsWithLineage() {
        List<Bar> bars = MarketEvents.realBars("AAPL");
        events.ingest("AAPL", bars.subList(0, 700));
        events.awaitProjected();
        assertThat(forecasting.cycle()).isEqualTo(1);

        for (Target target : Target.values()) {
            assertThat(registry.champion("AAPL", target)).as("champion of %s", target).isPresent();
        }
        // Every candidate was judged; the LSTM became champion only with a significant Diebold-Mariano result.
        List<java.util.Map<String, Object>> decisions = jdbc.queryForList("select p.*, v.kind from ml.promotion p"
                + " join ml.model_version v on v.id = p.candidate_id");
        // LOG_RETURN: random walk, ARIMA, LSTM; ABS_RETURN: yesterday, EWMA, LSTM; CLOSE: random walk, ARIMA.
        assertThat(decisions).hasSize(8);
        assertThat(decisions).allSatisfy(d -> {
            if (Boolean.TRUE.equals(d.get("promoted")) && d.get("champion_id") != null) {
                assertThat((Double) d.get("dm_p_value")).isLessThan(0.05);
                assertThat((Double) d.get("candidate_mae")).isLessThan((Double) d.get("champion_mae"));
            }
        });
        ModelVersion close = registry.champion("AAPL", Target.CLOSE).orElseThrow();

        http.get().uri("/api/v1/forecasts/AAPL?target=CLOSE").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.forecasts.length()").isEqualTo(5)
                .jsonPath("$.forecasts[0].originDate").isEqualTo(bars.get(699).date().toString())
                .jsonPath("$.forecasts[0].model.id").isEqualTo(close.id())
                .jsonPath("$.forecasts[0].model.trainingWindow.lastDate").isEqualTo(close.lastDate().toString())
                .jsonPath("$.forecasts[0].model.trainingWindow.lastPosition").isEqualTo((int) close.lastPosition())
                .jsonPath("$.forecasts[4].lower").value(lower -> assertThat(((Number) lower).doubleValue())
                        .isLessThan(bars.get(699).close().doubleValue()))
                .jsonPath("$.forecasts[0].intervalMethod").isEqualTo("CALIBRATED")
                .jsonPath("$.forecasts[0].skill.baseline").isEqualTo("RANDOM_WALK")
                .jsonPath("$.forecasts[0].skill.coverageN").value(n -> assertThat((Integer) n).isGreaterThan(50))
                .jsonPath("$.forecasts[0].skill.coverageLow").isNumber();
        // The calibrated interval is the point plus and minus the stored quantile times the volatility at the origin.
        Forecast fiveDays = forecasts.page("AAPL", "CLOSE", Long.MAX_VALUE, 10, true).stream()
                .filter(f -> f.horizon() == 5).findFirst().orElseThrow();
        Skill skill = Skill.parse(close.metrics());
        List<dev.finflow.ml.features.FeatureRow> rows = features.rows("AAPL");
        double scale = IntervalCalibration.scale(IntervalCalibration.sigma(rows), rows, rows.size() - 1, Target.CLOSE, 5);
        assertThat(fiveDays.upper() - fiveDays.point()).isCloseTo(skill.quantile(5) * scale, within(1e-9));
        assertThat(fiveDays.point() - fiveDays.lower()).isCloseTo(skill.quantile(5) * scale, within(1e-9));
        assertThat(skill.quantile(5)).isGreaterThan(skill.quantile(1));
        if (close.kind() == dev.finflow.ml.models.ModelKind.ARIMA) {
            assertThat(fiveDays.modelLower()).isNotNull(); // the R-matching Gaussian interval stays beside it
        }
        http.get().uri("/api/v1/models/" + close.id()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.model.status").isEqualTo("CHAMPION")
                .jsonPath("$.model.metrics.heldOutMae").isNumber()
                .jsonPath("$.model.metrics.mase").isNumber()
                .jsonPath("$.model.metrics.intervalQuantiles.length()").isEqualTo(5)
                .jsonPath("$.model.metrics.coverageN.length()").isEqualTo(5)
                .jsonPath("$.promotions[0].reason").isEqualTo("no champion yet");
        http.get().uri("/api/v1/models?symbol=AAPL&target=ABS_RETURN").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.models.length()").isEqualTo(3);
    }

    @Test
    @Order(2)
    void newBarsSettleLiveErrorsAndGetForecastsWithoutRetraining() {
        List<Bar> bars = MarketEvents.realBars("AAPL");
        events.ingest("AAPL", bars.subList(700, 701));
        events.awaitProjected();
        ModelVersion logReturn = registry.champion("AAPL", Target.LOG_RETURN).orElseThrow();
        double actual = Math.log(bars.get(700).close().doubleValue() / bars.get(699).close().doubleValue());
        Forecast settled = forecasts.page("AAPL", "LOG_RETURN", Long.MAX_VALUE, 10, true).get(0);
        assertThat(settled.actual()).isCloseTo(actual, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(settled.absError()).isCloseTo(Math.abs(actual - settled.point()),
                org.assertj.core.api.Assertions.within(1e-12));

        long versions = jdbc.queryForObject("select count(*) from ml.model_version", Long.class);
        assertThat(forecasting.cycle()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from ml.model_version", Long.class)).isEqualTo(versions);
        assertThat(forecasts.page("AAPL", "LOG_RETURN", Long.MAX_VALUE, 10, true).get(0).originDate())
                .isEqualTo(bars.get(700).date());
        assertThat(registry.champion("AAPL", Target.LOG_RETURN).orElseThrow()).isEqualTo(logReturn);
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).contains("finflow_ml_retrainings_total{application=\"ml-projector\","
                        + "reason=\"initial\"} 1.0").contains("finflow_ml_rolling_mae{")
                        .contains("finflow_ml_forecasts_total")
                        .contains("finflow_ml_live_settled_total{application=\"ml-projector\",horizon=\"1\","
                                + "target=\"LOG_RETURN\"} 1.0")
                        .contains("finflow_ml_live_settled_total{application=\"ml-projector\",horizon=\"5\","
                                + "target=\"CLOSE\"} 0.0")
                        .contains("finflow_ml_live_covered_total{application=\"ml-projector\",horizon=\"1\","
                                + "target=\"LOG_RETURN\"} " + (settled.lower() <= actual && actual <= settled.upper()
                                ? "1.0" : "0.0"))
                        .contains("finflow_ml_live_interval_error_half_widths_count{application=\"ml-projector\","
                                + "horizon=\"1\",target=\"LOG_RETURN\"} 1"));
    }

    @Test
    @Order(3)
    void forecastsOfModelsThatDoNotBeatTheirBaselineAreLabelledAndNotInTheDefaultView() {
        ModelVersion loser = jdbc.query("select id from ml.model_version where symbol = 'AAPL' and target = 'LOG_RETURN'"
                + " and kind <> 'RANDOM_WALK'", (rs, i) -> rs.getString(1)).stream().map(id -> registry.find(id)
                .orElseThrow()).filter(v -> Skill.parse(v.metrics()).label() == Skill.Label.DOES_NOT_BEAT_BASELINE)
                .findFirst().orElseThrow(() -> new AssertionError("a return model beat the random walk on AAPL"));
        Forecast shown = forecasts.page("AAPL", "LOG_RETURN", Long.MAX_VALUE, 1, false).get(0);
        Forecast hidden = forecasts.insert(loser.id(), "AAPL", "LOG_RETURN", shown.originDate(), 1, 0.001,
                new double[] {-0.03, 0.03}, Double.NaN, Double.NaN, Skill.Label.DOES_NOT_BEAT_BASELINE.name())
                .orElseThrow();

        http.get().uri("/api/v1/forecasts/AAPL?target=LOG_RETURN").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.forecasts[0].id").isEqualTo((int) shown.id())
                .jsonPath("$.forecasts[0].skill.label").isEqualTo("BASELINE");
        http.get().uri("/api/v1/forecasts/AAPL?target=LOG_RETURN&show=all").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.forecasts[0].id").isEqualTo((int) hidden.id())
                .jsonPath("$.forecasts[0].skill.label").isEqualTo("DOES_NOT_BEAT_BASELINE")
                .jsonPath("$.forecasts[0].skill.maeRatio").isNumber()
                .jsonPath("$.forecasts[0].skill.dmPValue").isNumber()
                .jsonPath("$.forecasts[0].modelInterval").doesNotExist();
        http.get().uri("/api/v1/forecasts/AAPL?show=some").exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("https://finflow.dev/problems/invalid-parameter")
                .jsonPath("$.field").isEqualTo("show");
        jdbc.update("delete from ml.forecast where id = ?", hidden.id());
    }

    @Test
    @Order(4)
    void degradedLiveErrorTriggersRetraining() {
        List<Bar> bars = MarketEvents.realBars("AAPL");
        Bar last = bars.get(700);
        BigDecimal close = last.close();
        int retrainedAt = -1;
        for (int day = 1; day <= 6 && retrainedAt < 0; day++) {
            // Swings of +-25% a day: far beyond anything the models saw.
            close = close.multiply(new BigDecimal(day % 2 == 0 ? "1.25" : "0.75")).setScale(2, RoundingMode.HALF_UP);
            events.ingest("AAPL", List.of(MarketEvents.bar(last.date().plusDays(day), close, last.volume())));
            events.awaitProjected();
            if (forecasting.cycle() == 1) {
                retrainedAt = day;
            }
        }
        assertThat(retrainedAt).as("retrained after the error degraded").isPositive();
        http.get().uri("/actuator/prometheus").exchange().expectBody(String.class).value(body -> assertThat(body)
                .contains("finflow_ml_retrainings_total{application=\"ml-projector\",reason=\"degradation\"} 1.0"));
    }

    @Test
    @Order(5)
    void refusesUnknownSymbolsModelsAndBadParameters() {
        http.get().uri("/api/v1/forecasts/NOPE").exchange().expectStatus().isNotFound().expectBody()
                .jsonPath("$.type").isEqualTo("https://finflow.dev/problems/unknown-symbol");
        http.get().uri("/api/v1/features/NOPE").exchange().expectStatus().isNotFound();
        http.get().uri("/api/v1/models/nope").exchange().expectStatus().isNotFound().expectBody()
                .jsonPath("$.type").isEqualTo("https://finflow.dev/problems/unknown-model");
        http.get().uri("/api/v1/forecasts/AAPL?target=PRICE").exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("https://finflow.dev/problems/invalid-parameter")
                .jsonPath("$.field").isEqualTo("target");
        http.get().uri("/api/v1/features/AAPL?from=2016-13-01").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://finflow.dev/problems/invalid-parameter");
        http.get().uri("/api/v1/features/AAPL?from=2017-01-01&to=2016-01-01").exchange().expectStatus()
                .isBadRequest();
        http.get().uri("/api/v1/anomalies?limit=0").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/v1/features/aa$pl").exchange().expectStatus().isBadRequest();
    }

    @Test
    @Order(6)
    void featuresAreKeysetPaged() {
        http.get().uri("/api/v1/features/AAPL?from=2016-01-01&to=2016-01-31&limit=10").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.rows.length()").isEqualTo(10)
                .jsonPath("$.rows[0].date").isEqualTo("2016-01-04")
                .jsonPath("$.next").isEqualTo("2016-01-15");
        http.get().uri("/api/v1/features/AAPL?from=2016-01-01&to=2016-01-31&limit=10&after=2016-01-15").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.rows[0].date").isEqualTo("2016-01-19")
                .jsonPath("$.rows[0].sma50").isNumber();
    }
}

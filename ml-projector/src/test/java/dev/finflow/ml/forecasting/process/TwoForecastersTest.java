package dev.finflow.ml.forecasting.process;

import dev.finflow.ml.MarketEvents;
import dev.finflow.ml.MlProjectorApplication;
import dev.finflow.ml.MlTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two ml-projectors on one database split the symbols: each trains and forecasts its own share, never one the
 * other has, when their cycles run at the same moment; the retraining schedule firing on both retrains each
 * symbol once.
 */
@MlTest
@TestPropertySource(properties = {"finflow.ml.instance-id=first", "finflow.ml.lstm.enabled=false"})
class TwoForecastersTest {

    // By the claims' hash, AAPL and AMZN fall to the first of two instances, TSLA and COKE to the second.
    private static final List<String> SYMBOLS = List.of("AAPL", "AMZN", "TSLA", "COKE");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    Environment environment;
    @Autowired
    ForecastingService forecasting;
    @Autowired
    SymbolClaims claims;
    @Autowired
    ForecastScheduler scheduler;

    @Test
    void twoInstancesSplitTheSymbolsAndTrainEachOnce() {
        MarketEvents events = new MarketEvents(eventStore, jdbc, processing);
        SYMBOLS.forEach(symbol -> events.ingest(symbol, MarketEvents.realBars("AAPL").subList(0, 200)));
        events.awaitProjected();

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(MlProjectorApplication.class).run(
                "--server.port=0", "--finflow.ml.instance-id=second", "--finflow.ml.lstm.enabled=false",
                "--finflow.ml.forecasting.interval=PT1H", "--finflow.ml.poll-interval=PT0.05S",
                "--finflow.db.url=" + environment.getProperty("finflow.db.url"),
                "--finflow.db.user=" + environment.getProperty("finflow.db.user"),
                "--finflow.db.password=" + environment.getProperty("finflow.db.password", ""),
                "--finflow.identity.issuer-uri=" + environment.getProperty("finflow.identity.issuer-uri"))) {
            ForecastingService other = second.getBean(ForecastingService.class);
            // The first instance runs the feature projection and says so; the second reads its tables.
            claims.heartbeat();

            assertThat(atTheSameMoment(forecasting::cycle, other::cycle)).containsExactly(2, 2);
            assertThat(owners()).isEqualTo(Map.of("AAPL", "first", "AMZN", "first", "TSLA", "second",
                    "COKE", "second"));
            assertThat(jdbc.queryForObject("select count(distinct symbol) from ml.forecast", Integer.class))
                    .isEqualTo(4);
            long forecasts = jdbc.queryForObject("select count(*) from ml.forecast", Long.class);

            assertThat(atTheSameMoment(forecasting::cycle, other::cycle)).as("nothing new to do")
                    .containsExactly(0, 0);
            assertThat(jdbc.queryForObject("select count(*) from ml.forecast", Long.class)).isEqualTo(forecasts);

            ForecastScheduler otherScheduler = second.getBean(ForecastScheduler.class);
            atTheSameMoment(() -> {
                scheduler.retrainOnSchedule();
                return 0;
            }, () -> {
                otherScheduler.retrainOnSchedule();
                return 0;
            });
            assertThat(atTheSameMoment(forecasting::cycle, other::cycle)).as("each symbol retrained by its owner")
                    .containsExactly(2, 2);
            assertThat(atTheSameMoment(forecasting::cycle, other::cycle)).containsExactly(0, 0);
        }
    }

    private static List<Integer> atTheSameMoment(Supplier<Integer> first, Supplier<Integer> second) {
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(first);
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(second);
        return List.of(one.join(), two.join());
    }

    private Map<String, String> owners() {
        return jdbc.queryForList("select symbol, owner from ml.symbol_claim").stream().collect(Collectors.toMap(
                row -> (String) row.get("symbol"), row -> (String) row.get("owner")));
    }
}

package dev.finflow.ml;

import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.Leg;
import dev.finflow.events.ledger.LegType;
import dev.finflow.events.market.Bar;
import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.TransactionId;
import dev.finflow.ml.forecasting.process.ForecastingService;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Rebuilding every ml projection from the first event gives the same features, models, forecasts, anomalies. */
@MlTest
class ReplayTest {

    private static final String FEATURES = "select * from ml.feature order by symbol, bar_date";
    private static final String MODELS = "select id, kind, target, symbol, params, first_position, last_position,"
            + " first_date, last_date, status, artifact, regexp_replace(metrics, '\"trainingSeconds\":[0-9.]+', '')"
            + " as metrics from ml.model_version order by id";
    private static final String FORECASTS = "select model_id, symbol, target, origin_date, horizon, point, lower,"
            + " upper, actual, abs_error from ml.forecast order by model_id, origin_date, horizon";
    private static final String ANOMALIES = "select kind, symbol, account_id, occurred_on, value, score, reason,"
            + " position from ml.anomaly order by kind, source_key";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ForecastingService forecasting;

    @Test
    void aRebuildFromEventsGivesTheSameFeaturesModelsForecastsAndAnomalies() {
        MarketEvents events = new MarketEvents(eventStore, jdbc, processing);
        List<Bar> aapl = MarketEvents.realBars("AAPL");
        events.ingest("AAPL", aapl.subList(0, 250));
        events.ingest("TSLA", MarketEvents.realBars("TSLA").subList(0, 130));
        Bar previous = aapl.get(200);
        events.correct("AAPL", previous, MarketEvents.bar(previous.date(), previous.close().add(BigDecimal.TEN),
                previous.volume()));
        for (int i = 0; i < 12; i++) {
            deposit(events, "acc-1", "tx-" + i, i == 11 ? "250000.00" : "100.00");
        }
        events.ingest("AAPL", aapl.subList(250, 252));
        events.awaitProjected();
        assertThat(forecasting.cycle()).isEqualTo(2);
        List<Map<String, Object>> features = jdbc.queryForList(FEATURES);
        List<Map<String, Object>> models = jdbc.queryForList(MODELS);
        List<Map<String, Object>> forecasts = jdbc.queryForList(FORECASTS);
        List<Map<String, Object>> anomalies = jdbc.queryForList(ANOMALIES);
        assertThat(features).hasSize(252 + 130);
        assertThat(forecasts).isNotEmpty();
        assertThat(anomalies).anySatisfy(a -> assertThat(a.get("kind")).isEqualTo("TRANSACTION"));
        assertThat(anomalies).anySatisfy(a -> assertThat(a.get("kind")).isEqualTo("PRICE_RETURN"));

        List<StreamingEventProcessor> processors = List.of("features", "ledger-anomalies").stream()
                .map(group -> processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow()).toList();
        processors.forEach(processor -> {
            processor.shutDown();
            processor.resetTokens();
        });
        // Emptied by the reset handlers; and nothing trains or forecasts while the projections are not live.
        assertThat(jdbc.queryForObject("select count(*) from ml.model_version", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from ml.feature", Long.class)).isZero();
        assertThat(forecasting.cycle()).isEqualTo(-1);
        processors.forEach(StreamingEventProcessor::start);
        events.awaitProjected();
        assertThat(forecasting.cycle()).isEqualTo(2);

        assertThat(jdbc.queryForList(FEATURES)).isEqualTo(features);
        assertThat(jdbc.queryForList(ANOMALIES)).isEqualTo(anomalies);
        assertThat(jdbc.queryForList(MODELS)).usingRecursiveComparison().isEqualTo(models);
        assertThat(jdbc.queryForList(FORECASTS)).isEqualTo(forecasts);
    }

    private static void deposit(MarketEvents events, String account, String tx, String amount) {
        Money money = Money.of(amount, "EUR");
        events.appendTo("Account", account, new CashDepositedEvent(new AccountId(account), new TransactionId(tx),
                money, null, LocalDate.of(2016, 1, 1), "salary", List.of(
                new Leg(LegType.CASH, "EUR", money.amount(), money.amount()),
                new Leg(LegType.EXTERNAL, "EUR", money.amount().negate(), money.amount().negate()))));
    }
}

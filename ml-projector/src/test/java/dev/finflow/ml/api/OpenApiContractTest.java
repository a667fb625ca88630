package dev.finflow.ml.api;

import dev.finflow.events.identity.Role;
import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.Leg;
import dev.finflow.events.ledger.LegType;
import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.TransactionId;
import dev.finflow.ml.MarketEvents;
import dev.finflow.ml.MlTest;
import dev.finflow.ml.forecasting.process.ForecastingService;
import dev.finflow.testing.EndpointRoleTable;
import dev.finflow.testing.OpenApiContract;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ml-projector keeps its OpenAPI document: it describes exactly the handler mappings of {@code /api}, and one
 * real request per documented status of every operation (after one forecasting cycle over real AAPL closes) answers
 * that status, with a documented content type, a body valid against the documented schema and, for a refusal, one
 * of the documented problem types.
 */
@MlTest
class OpenApiContractTest {

    private static final String FORECASTS = "GET /api/v1/forecasts/{symbol}";
    private static final String STREAM = "GET /api/v1/forecasts/stream";
    private static final String FEATURES = "GET /api/v1/features/{symbol}";
    private static final String MODELS = "GET /api/v1/models";
    private static final String MODEL = "GET /api/v1/models/{id}";
    private static final String ANOMALIES = "GET /api/v1/anomalies";
    private static final String PROCESSORS = "GET /api/v1/admin/processors";
    private static final String LETTERS = "GET /api/v1/admin/processors/{name}/dead-letters";
    private static final String RETRY = "POST /api/v1/admin/processors/{name}/dead-letters/retry";
    private static final String EVICT = "POST /api/v1/admin/processors/{name}/dead-letters/{eventId}/evict";

    @Autowired
    ApplicationContext context;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ForecastingService forecasting;
    @LocalServerPort
    int port;

    @Test
    void documentsExactlyTheApiHandlerMappingsAndServesSwaggerUi() {
        OpenApiContract api = OpenApiContract.of(port);
        assertThat(api.operations())
                .isEqualTo(OpenApiContract.mappingsUnder(EndpointRoleTable.mappings(context), "/api/"));
        assertThat(api.document().at("/info/title").asString()).startsWith("Finflow ");
        api.assertSwaggerUiOpen();
    }

    @Test
    void everyDocumentedStatusIsAnsweredAsDocumented() {
        MarketEvents events = new MarketEvents(eventStore, jdbc, processing);
        events.ingest("AAPL", MarketEvents.realBars("AAPL").subList(0, 300));
        events.awaitProjected();
        assertThat(forecasting.cycle()).isEqualTo(1);
        String model = jdbc.queryForObject("select id from ml.model_version order by id limit 1", String.class);

        OpenApiContract api = OpenApiContract.of(port);
        api.callSecurityAndMalformedBodies();
        api.call(FORECASTS, "/api/v1/forecasts/AAPL?show=ALL&limit=5").expect(200);
        api.call(FORECASTS, "/api/v1/forecasts/AAPL?show=SOME").expect(400);
        api.call(FORECASTS, "/api/v1/forecasts/NOPE").expect(404);
        api.call(STREAM, "/api/v1/forecasts/stream").accept(MediaType.TEXT_EVENT_STREAM).expect(200);
        api.call(STREAM, "/api/v1/forecasts/stream").header("Last-Event-ID", "yesterday").expect(400);
        api.call(FEATURES, "/api/v1/features/AAPL?limit=30").expect(200);
        api.call(FEATURES, "/api/v1/features/AAPL?from=2024-02-01&to=2024-01-01").expect(400);
        api.call(FEATURES, "/api/v1/features/NOPE").expect(404);
        api.call(MODELS, "/api/v1/models?symbol=AAPL").expect(200);
        api.call(MODELS, "/api/v1/models?limit=0").expect(400);
        api.call(MODEL, "/api/v1/models/" + model).expect(200);
        api.call(MODEL, "/api/v1/models/nothing").expect(404);
        api.call(ANOMALIES, "/api/v1/anomalies?symbol=AAPL").expect(200);
        api.call(ANOMALIES, "/api/v1/anomalies?kind=ODD").expect(400);
        api.call(ANOMALIES, "/api/v1/anomalies?account=a-1").as(Role.OWNER).expect(404);
        api.call(PROCESSORS, "/api/v1/admin/processors").expect(200);
        deadLetters(api, events);
        api.assertKept(Map.of());
    }

    /** Two deposits the ledger-anomalies table refuses (a check constraint) are dead-lettered; then it takes them. */
    private void deadLetters(OpenApiContract api, MarketEvents events) {
        String letters = "/api/v1/admin/processors/ledger-anomalies/dead-letters";
        jdbc.execute("alter table ml.account_amount add constraint no_poison check "
                + "(transaction_id not like 'poison%')");
        deposit(events, "dl-1", "poison-1");
        deposit(events, "dl-2", "poison-2");
        events.awaitProjected();
        String evicted = jdbc.queryForObject("select event_identifier from events.domain_event_entry"
                + " where aggregate_identifier = 'dl-2'", String.class);

        api.call(LETTERS, letters).expect(200);
        api.call(LETTERS, "/api/v1/admin/processors/nothing/dead-letters").expect(404);
        api.call(RETRY, letters + "/retry?sequence=dl-1").expect(409);
        api.call(RETRY, letters + "/retry").expect(400);
        api.call(RETRY, "/api/v1/admin/processors/nothing/dead-letters/retry?sequence=a").expect(404);
        api.call(EVICT, letters + "/" + evicted + "/evict?reason=contract").expect(200);
        api.call(EVICT, "/api/v1/admin/processors/nothing/dead-letters/e-1/evict").expect(404);
        jdbc.execute("alter table ml.account_amount drop constraint no_poison");
        api.call(RETRY, letters + "/retry?sequence=dl-1").expect(200);
    }

    private static void deposit(MarketEvents events, String account, String transaction) {
        BigDecimal amount = new BigDecimal("10.00");
        events.appendTo("Account", account, new CashDepositedEvent(new AccountId(account),
                new TransactionId(transaction), new Money(amount, Currency.getInstance("EUR")), null,
                LocalDate.of(2016, 1, 4), null, List.of(new Leg(LegType.CASH, "EUR", amount, amount),
                new Leg(LegType.EXTERNAL, "EUR", amount.negate(), amount.negate()))));
    }
}

package dev.finflow.events.serialization;

import dev.finflow.events.identity.Role;
import dev.finflow.events.identity.SignInFailedEvent;
import dev.finflow.events.identity.SignInFailure;
import dev.finflow.events.identity.SignInLockedOutEvent;
import dev.finflow.events.identity.UserCreatedEvent;
import dev.finflow.events.identity.UserDisabledEvent;
import dev.finflow.events.identity.UserPasswordResetEvent;
import dev.finflow.events.identity.UserSignedInEvent;
import dev.finflow.events.ingestion.IngestionAttemptFailedEvent;
import dev.finflow.events.ingestion.IngestionRunCompletedEvent;
import dev.finflow.events.ingestion.IngestionRunFailedEvent;
import dev.finflow.events.ingestion.IngestionRunProgressedEvent;
import dev.finflow.events.ingestion.IngestionRunStartedEvent;
import dev.finflow.events.ingestion.NextStep;
import dev.finflow.events.ingestion.RunTrigger;
import dev.finflow.events.ledger.AccessGrantedEvent;
import dev.finflow.events.ledger.AccessLevel;
import dev.finflow.events.ledger.AccessRevokedEvent;
import dev.finflow.events.ledger.AccountClosedEvent;
import dev.finflow.events.ledger.AccountOpenedEvent;
import dev.finflow.events.ledger.CashDepositedEvent;
import dev.finflow.events.ledger.CashWithdrawnEvent;
import dev.finflow.events.ledger.DividendRecordedEvent;
import dev.finflow.events.ledger.FeeChargedEvent;
import dev.finflow.events.ledger.Leg;
import dev.finflow.events.ledger.LegType;
import dev.finflow.events.ledger.TradeRecordedEvent;
import dev.finflow.events.ledger.TradeSide;
import dev.finflow.events.ledger.TransactionReversedEvent;
import dev.finflow.events.ledger.SplitAppliedEvent;
import dev.finflow.events.ledger.CashInLieuPaidEvent;
import dev.finflow.events.ledger.TransferReceivedEvent;
import dev.finflow.events.ledger.TransferRefundedEvent;
import dev.finflow.events.ledger.TransferSentEvent;
import dev.finflow.events.market.Bar;
import dev.finflow.events.market.BarCorrectedEvent;
import dev.finflow.events.market.BarsIngestedEvent;
import dev.finflow.events.market.BarsQuarantinedEvent;
import dev.finflow.events.market.CashDividendRecordedEvent;
import dev.finflow.events.market.Finding;
import dev.finflow.events.market.IngestedBar;
import dev.finflow.events.market.InstrumentRegisteredEvent;
import dev.finflow.events.market.InstrumentType;
import dev.finflow.events.market.PricesWentStaleEvent;
import dev.finflow.events.market.QuarantinedBar;
import dev.finflow.events.market.RawBar;
import dev.finflow.events.market.SplitRecordedEvent;
import dev.finflow.events.market.Verdict;
import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Money;
import dev.finflow.events.values.Quantity;
import dev.finflow.events.values.Symbol;
import dev.finflow.events.values.TransactionId;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class EventJsonRoundTripTest {

    private static final AccountId ACCOUNT = new AccountId("acc-1");
    private static final TransactionId TX = new TransactionId("tx-1");
    private static final LocalDate DAY = LocalDate.of(2024, 3, 15);
    private static final List<Leg> LEGS = List.of(
            new Leg(LegType.CASH, "EUR", new BigDecimal("-1505.00"), new BigDecimal("-1505.00")),
            new Leg(LegType.SECURITY, "AAPL", new BigDecimal("10"), new BigDecimal("1505.00")));

    private static final Symbol AAPL = new Symbol("AAPL");
    private static final Bar BAR = new Bar(DAY, new BigDecimal("170.52"), new BigDecimal("170.59"),
            new BigDecimal("169.22"), new BigDecimal("169.23"), new BigDecimal("169.23"), 25643711L);

    private final Serializer serializer = EventJson.serializer();

    static Stream<Object> events() {
        Money hundred = Money.of("100.00", "EUR");
        return Stream.of(
                new AccountOpenedEvent(ACCOUNT, "Main", Currency.getInstance("EUR"), new BigDecimal("250.00"), DAY),
                new AccountClosedEvent(ACCOUNT, DAY),
                new AccessGrantedEvent(ACCOUNT, "6f0c2a", AccessLevel.VIEWER),
                new AccessRevokedEvent(ACCOUNT, "6f0c2a"),
                new CashDepositedEvent(ACCOUNT, TX, hundred, null, DAY, "salary", LEGS),
                new CashWithdrawnEvent(ACCOUNT, TX, hundred, new BigDecimal("0.9215"), DAY, null, LEGS),
                new TradeRecordedEvent(ACCOUNT, TX, TradeSide.BUY, new Symbol("AAPL"), Quantity.of("10.5"),
                        Money.of("150.1234", "USD"), Money.of("1.00", "USD"), new BigDecimal("0.9"), DAY, "m", LEGS),
                new DividendRecordedEvent(ACCOUNT, TX, new Symbol("AAPL"), hundred, null, DAY, null, LEGS),
                new FeeChargedEvent(ACCOUNT, TX, Money.of("0.01", "EUR"), null, DAY, "custody", LEGS),
                new TransactionReversedEvent(ACCOUNT, new TransactionId("tx-2"), TX, DAY, "typo", LEGS, DAY),
                new TransferSentEvent(ACCOUNT, TX, new AccountId("acc-2"), hundred, null, DAY, null, LEGS),
                new TransferReceivedEvent(new AccountId("acc-2"), TX, ACCOUNT, hundred, new BigDecimal("1.08"),
                        Money.of("108.00", "USD"), DAY, null, LEGS),
                new TransferRefundedEvent(ACCOUNT, TX, new AccountId("acc-2"), "account-closed", DAY, LEGS),
                new SplitAppliedEvent(ACCOUNT, AAPL, DAY, BigDecimal.ONE, new BigDecimal("3")),
                new CashInLieuPaidEvent(ACCOUNT, new TransactionId("split.2024-03-15.AAPL@cash-in-lieu"), AAPL,
                        Quantity.of("0.33333333"), Money.of("36.00", "EUR"), null, DAY, LEGS),
                new CashInLieuPaidEvent(ACCOUNT, new TransactionId("split.2024-03-15.AAPL@cash-in-lieu"), AAPL,
                        Quantity.of("0.33333333"), Money.of("36.00", "USD"), new BigDecimal("0.9210"), DAY, LEGS),
                new SplitRecordedEvent(AAPL, DAY, BigDecimal.ONE, new BigDecimal("3"), "api", Money.of("36.00", "USD")),
                new SplitRecordedEvent(AAPL, DAY, BigDecimal.ONE, new BigDecimal("3"), "api", Money.of("36.00", "USD"),
                        new java.util.TreeMap<>(Map.of("EUR", new BigDecimal("0.9210"), "CHF", new BigDecimal("0.88")))),
                new InstrumentRegisteredEvent(AAPL, "Apple Inc.", InstrumentType.EQUITY, Currency.getInstance("USD"),
                        null, "NASDAQ", DAY),
                new InstrumentRegisteredEvent(new Symbol("EURUSD=X"), "EUR/USD", InstrumentType.FX_PAIR,
                        Currency.getInstance("USD"), Currency.getInstance("EUR"), "CCY", DAY),
                new BarsIngestedEvent(AAPL, "run-1", "yahoo", List.of(
                        new IngestedBar(BAR, Verdict.ACCEPTED, List.of()),
                        new IngestedBar(new Bar(DAY.plusDays(1), new BigDecimal("170.52"), new BigDecimal("170.59"),
                                new BigDecimal("169.22"), new BigDecimal("169.23"), null, 0L), Verdict.FLAGGED,
                                List.of(new Finding("jump", "close moved 9.1 sigma"))))),
                new BarsQuarantinedEvent(AAPL, "run-1", "csv:upload.csv", List.of(new QuarantinedBar(
                        new RawBar("2024-03-18", "1", "x", "1", "1", null, "-5"),
                        List.of(new Finding("types", "high is not a number"))))),
                new BarCorrectedEvent(AAPL, "run-2", "stooq", BAR, new Bar(DAY, new BigDecimal("170.52"),
                        new BigDecimal("170.59"), new BigDecimal("169.22"), new BigDecimal("169.30"),
                        new BigDecimal("169.30"), 25643711L), Verdict.ACCEPTED, List.of(), "revision"),
                new SplitRecordedEvent(AAPL, DAY, new BigDecimal("7"), BigDecimal.ONE, "csv"),
                new CashDividendRecordedEvent(AAPL, DAY, Money.of("0.63", "USD"), "csv"),
                new PricesWentStaleEvent(AAPL, DAY, DAY.plusDays(3), DAY.plusDays(4)),
                new IngestionRunStartedEvent("run-1", RunTrigger.MANUAL, "tech", List.of(AAPL), DAY, DAY.plusDays(5),
                        List.of("yahoo", "stooq")),
                new IngestionRunProgressedEvent("run-1", AAPL, "stooq", 5, 3, 1, 1, 0, 0),
                new IngestionAttemptFailedEvent("run-1", AAPL, "yahoo", 1, "HTTP 429", NextStep.RETRY),
                new IngestionRunCompletedEvent("run-1", 1, 5),
                new IngestionRunFailedEvent("run-2", List.of(AAPL), "no provider delivered AAPL"),
                new UserCreatedEvent("6f0c2a", List.of(Role.OWNER, Role.AUDITOR)),
                new UserDisabledEvent("6f0c2a"),
                new UserPasswordResetEvent("6f0c2a"),
                new UserSignedInEvent("6f0c2a", "finflow-dashboard", "192.0.2.0/24"),
                new SignInFailedEvent("6f0c2a", SignInFailure.BAD_PASSWORD, null, "2001:db8:1::/48"),
                new SignInFailedEvent(null, SignInFailure.UNKNOWN_USER, "finflow-dashboard", "192.0.2.0/24"),
                new SignInLockedOutEvent(null, Instant.parse("2024-03-15T10:15:00Z"), null, "192.0.2.0/24"));
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventSurvivesAJsonRoundTripUnchanged(Object event) {
        SerializedObject<String> json = serializer.serialize(event, String.class);

        Object back = serializer.deserialize(json);

        assertThat(back).isEqualTo(event);
        assertThat(json.getType().getRevision()).isEqualTo(event.getClass().getAnnotation(Revision.class).value());
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventDeclaresARevision(Object event) {
        assertThat(event.getClass().getAnnotation(Revision.class)).isNotNull();
    }

    @Test
    void eventsAreReadableJsonWithExactPlainDecimals() {
        TradeRecordedEvent trade = new TradeRecordedEvent(ACCOUNT, TX, TradeSide.BUY, new Symbol("AAPL"),
                Quantity.of("0.00000001"), Money.of("1E+3", "USD"), null, null, DAY, null, LEGS);

        String json = serializer.serialize(trade, String.class).getData();

        assertThat(json)
                .contains("\"accountId\":\"acc-1\"")
                .contains("\"quantity\":0.00000001")
                .contains("\"price\":{\"amount\":1000,\"currency\":\"USD\"}")
                .contains("\"tradeDate\":\"2024-03-15\"")
                .doesNotContain("E+", "E-", "@class", "\"fee\"");
    }

    /** The stored JSON of the first grant events, as written: later revisions must keep reading it. */
    @Test
    void grantEventsReadTheirFirstRevisionsStoredJson() throws Exception {
        String granted = new String(getClass().getResourceAsStream("/fixtures/AccessGrantedEvent-rev1.json")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String revoked = new String(getClass().getResourceAsStream("/fixtures/AccessRevokedEvent-rev1.json")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        Object grant = serializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(granted,
                String.class, AccessGrantedEvent.class.getName(), "1"));
        Object revoke = serializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(revoked,
                String.class, AccessRevokedEvent.class.getName(), "1"));

        assertThat(grant).isEqualTo(new AccessGrantedEvent(ACCOUNT, "6f0c2a", AccessLevel.OWNER));
        assertThat(revoke).isEqualTo(new AccessRevokedEvent(ACCOUNT, "6f0c2a"));
        assertThat(serializer.serialize(grant, String.class).getData()).isEqualToIgnoringWhitespace(granted);
    }

    @Test
    void decimalsKeepTheirScaleThroughTheRoundTrip() {
        CashDepositedEvent deposit = new CashDepositedEvent(ACCOUNT, TX, Money.of("100.10", "EUR"), null, DAY,
                null, LEGS);

        CashDepositedEvent back = serializer.deserialize(serializer.serialize(deposit, String.class));

        assertThat(back.amount().amount()).isEqualTo(new BigDecimal("100.10"));
        assertThat(back.amount().amount().scale()).isEqualTo(2);
    }
}

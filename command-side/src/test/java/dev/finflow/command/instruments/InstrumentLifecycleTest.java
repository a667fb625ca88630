package dev.finflow.command.instruments;

import dev.finflow.command.problems.CommandRule;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.Rule;
import dev.finflow.problems.RuleViolation;
import dev.finflow.events.market.*;
import dev.finflow.events.values.Money;
import dev.finflow.command.instruments.domain.Instrument;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomMatcher;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import static dev.finflow.command.instruments.InstrumentFixtures.*;

/** Registration, splits, dividends, hand corrections and the freshness check. */
class InstrumentLifecycleTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");

    private final AggregateTestFixture<Instrument> fixture = fixture();

    @Test
    void registersAnInstrumentOnceAndAnswersARepeatAsDone() {
        RegisterInstrumentCommand register = new RegisterInstrumentCommand(ACME, "Acme Corp", InstrumentType.EQUITY,
                USD, null, "nasdaq", LocalDate.of(2024, 1, 2));

        fixture.givenNoPriorActivity().when(register).expectEvents(registered());
        fixture.given(registered()).when(register).expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void refusesToRegisterASymbolAgainWithOtherDetails() {
        fixture.given(registered()).when(new RegisterInstrumentCommand(ACME, "Acme Corp", InstrumentType.ETF,
                        USD, null, "NASDAQ", LocalDate.of(2024, 1, 2)))
                .expectException(violation(CommandRule.INSTRUMENT_EXISTS)).expectNoEvents();
    }

    @Test
    void anFxPairNeedsABaseCurrencyAndOnlyAnFxPairHasOne() {
        fixture.givenNoPriorActivity().when(new RegisterInstrumentCommand(ACME, "Euro", InstrumentType.FX_PAIR,
                USD, null, null, LocalDate.of(2024, 1, 2))).expectException(violation(RequestRule.MISSING_FIELD));
        fixture.givenNoPriorActivity().when(new RegisterInstrumentCommand(ACME, "Acme", InstrumentType.EQUITY,
                USD, EUR, null, LocalDate.of(2024, 1, 2))).expectException(violation(RequestRule.INVALID_FIELD));
        fixture.givenNoPriorActivity().when(new RegisterInstrumentCommand(ACME, "Euro in dollars",
                        InstrumentType.FX_PAIR, USD, EUR, null, LocalDate.of(2024, 1, 2)))
                .expectEvents(new InstrumentRegisteredEvent(ACME, "Euro in dollars", InstrumentType.FX_PAIR, USD, EUR,
                        null, LocalDate.of(2024, 1, 2)));
    }

    @Test
    void recordsASplitOnceAndRefusesAnotherRatioForTheSameDate() {
        LocalDate date = LocalDate.of(2024, 6, 10);
        RecordSplitCommand split = new RecordSplitCommand(ACME, date, new BigDecimal("10"), BigDecimal.ONE, "test");
        SplitRecordedEvent recorded = new SplitRecordedEvent(ACME, date, new BigDecimal("10"), BigDecimal.ONE, "test");

        fixture.given(registered()).when(split).expectEvents(recorded);
        fixture.given(registered(), recorded).when(split).expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(registered(), recorded).when(new RecordSplitCommand(ACME, date, new BigDecimal("4"),
                BigDecimal.ONE, "test")).expectException(violation(CommandRule.CORPORATE_ACTION_CONFLICT));
        fixture.given(registered()).when(new RecordSplitCommand(ACME, date, BigDecimal.ZERO, BigDecimal.ONE, "test"))
                .expectException(violation(RequestRule.INVALID_FIELD)).expectNoEvents();
    }

    @Test
    void recordsACashDividendInTheInstrumentsCurrencyOnly() {
        LocalDate exDate = LocalDate.of(2024, 5, 10);
        Money amount = Money.of("0.25", "USD");

        fixture.given(registered()).when(new RecordCashDividendCommand(ACME, exDate, amount, "test"))
                .expectEvents(new CashDividendRecordedEvent(ACME, exDate, amount, "test"));
        fixture.given(registered(), new CashDividendRecordedEvent(ACME, exDate, amount, "test"))
                .when(new RecordCashDividendCommand(ACME, exDate, Money.of("0.250", "USD"), "test"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(registered()).when(new RecordCashDividendCommand(ACME, exDate, Money.of("0.25", "EUR"), "t"))
                .expectException(violation(CommandRule.CURRENCY_MISMATCH)).expectNoEvents();
        fixture.given(registered()).when(new RecordCashDividendCommand(ACME, exDate, Money.of("0", "USD"), "t"))
                .expectException(violation(CommandRule.NON_POSITIVE_AMOUNT)).expectNoEvents();
    }

    @Test
    void aHandCorrectionKeepsThePreviousBarAndMustPassTheRules() {
        RawBar stored = raw("2024-01-02", "10", "11", "9", "10", "100");
        RawBar fixed = raw("2024-01-02", "10", "11", "9", "10.4", "100");
        BarsIngestedEvent given = new BarsIngestedEvent(ACME, "run-0", "test", List.of(accepted(stored)));

        fixture.given(registered(), given).when(new CorrectBarCommand(ACME, fixed, "typo"), TODAY)
                .expectEvents(new BarCorrectedEvent(ACME, "manual", "api", bar(stored), bar(fixed), Verdict.ACCEPTED,
                        List.of(), "typo"));
        fixture.given(registered(), given).when(new CorrectBarCommand(ACME, raw("2024-01-02", "10", "9", "11", "10",
                "100"), "typo"), TODAY).expectException(violation(CommandRule.BAR_REJECTED)).expectNoEvents();
        fixture.given(registered(), given).when(new CorrectBarCommand(ACME, raw("2024-01-03", "10", "11", "9", "10",
                "100"), "typo"), TODAY).expectException(violation(CommandRule.BAR_NOT_FOUND)).expectNoEvents();
        fixture.given(registered(), given).when(new CorrectBarCommand(ACME, stored, "again"), TODAY)
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void recordsStalenessOnceWhenTheNewestBarIsOlderThanExpected() {
        BarsIngestedEvent given = ingested(List.of(raw("2024-01-02", "10", "11", "9", "10", "100")));
        LocalDate checkedOn = LocalDate.of(2024, 1, 8);
        CheckFreshnessCommand check = new CheckFreshnessCommand(ACME, checkedOn, LocalDate.of(2024, 1, 5));
        PricesWentStaleEvent stale = new PricesWentStaleEvent(ACME, LocalDate.of(2024, 1, 2),
                LocalDate.of(2024, 1, 5), checkedOn);

        fixture.given(registered(), given).when(check).expectEvents(stale);
        fixture.given(registered(), given, stale).when(check).expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(registered(), given).when(new CheckFreshnessCommand(ACME, checkedOn, LocalDate.of(2024, 1, 2)))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    private static CustomMatcher<RuleViolation> violation(Rule rule) {
        return new CustomMatcher<>("a violation of " + rule) {
            @Override
            public boolean matches(Object item) {
                return item instanceof RuleViolation violation && violation.rule() == rule;
            }
        };
    }
}

package dev.finflow.command.instruments;

import dev.finflow.problems.RuleViolation;
import dev.finflow.runtime.dispatch.CommandOutcome;
import dev.finflow.command.instruments.domain.BarsReport;
import dev.finflow.command.instruments.domain.Instrument;
import dev.finflow.events.market.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dev.finflow.command.instruments.InstrumentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Every quality rule, with AggregateTestFixture: what it lets through, and what it flags or rejects. */
class InstrumentRulesTest {

    private final AggregateTestFixture<Instrument> fixture = fixture();

    @Test
    void acceptsSoundBarsInOneEventInDateOrder() {
        RawBar second = raw("2024-01-03", "10", "11", "9", "10.5", "100");
        RawBar first = raw("2024-01-02", "10", "10.5", "9.5", "10", "200");

        fixture.given(registered()).when(ingest(second, first), TODAY)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BarsIngestedEvent(ACME, "run-1", "test", List.of(accepted(first), accepted(second))))
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.any(CommandOutcome.class));
        assertThat(report(ingest(second, first))).isEqualTo(new BarsReport(2, 2, 0, 0, 0, 0, List.of(), 0));
    }

    @Test
    void rejectsBarsWithMissingOrMistypedFieldsListingEveryProblem() {
        RawBar broken = new RawBar("2024-13-01", "ten", "11", "9", null, "abc", "12.5");

        fixture.given(registered()).when(ingest(broken), TODAY)
                .expectEvents(new BarsQuarantinedEvent(ACME, "run-1", "test", List.of(new QuarantinedBar(broken,
                        List.of(new Finding("required-fields", "date '2024-13-01' is not an ISO date (yyyy-mm-dd)"),
                                new Finding("required-fields", "open 'ten' is not a decimal number"),
                                new Finding("required-fields", "close is missing"),
                                new Finding("required-fields", "adjustedClose 'abc' is not a decimal number"),
                                new Finding("required-fields", "volume '12.5' is not a whole number"))))));
    }

    @Test
    void acceptsAWholeVolumeWrittenWithADecimalPoint() {
        RawBar bar = raw("2024-01-02", "10", "11", "9", "10", "25643711.0");

        fixture.given(registered()).when(ingest(bar), TODAY).expectEvents(new BarsIngestedEvent(ACME, "run-1",
                "test", List.of(new IngestedBar(bar(raw("2024-01-02", "10", "11", "9", "10", "25643711")),
                Verdict.ACCEPTED, List.of()))));
    }

    @Test
    void rejectsZeroAndNegativePrices() {
        RawBar zero = raw("2024-01-02", "0", "0", "0", "0", "100");
        RawBar negative = raw("2024-01-03", "10", "11", "-9", "10", "100");

        assertThat(rejectedRules(zero)).containsExactly("non-positive-price");
        assertThat(rejectedRules(negative)).containsExactly("non-positive-price");
    }

    @Test
    void rejectsInconsistentOhlcSuchAsSwappedHighAndLow() {
        assertThat(rejectedRules(raw("2024-01-02", "10", "9", "11", "10", "100"))).containsExactly("ohlc-consistency");
        assertThat(rejectedRules(raw("2024-01-02", "12", "11", "9", "10", "100"))).containsExactly("ohlc-consistency");
        assertThat(rejectedRules(raw("2024-01-02", "10", "11", "9", "8", "100"))).containsExactly("ohlc-consistency");
        assertThat(acceptedCount(raw("2024-01-02", "9", "11", "9", "11", "100"))).isEqualTo(1);
    }

    @Test
    void rejectsNegativeVolumeButAcceptsZero() {
        assertThat(rejectedRules(raw("2024-01-02", "10", "11", "9", "10", "-1"))).containsExactly("negative-volume");
        assertThat(acceptedCount(raw("2024-01-02", "10", "11", "9", "10", "0"))).isEqualTo(1);
    }

    @Test
    void rejectsBarsDatedAfterTheTodayOfTheCommand() {
        assertThat(rejectedRules(raw("2024-07-01", "10", "11", "9", "10", "5"))).containsExactly("future-date");
        assertThat(acceptedCount(raw("2024-06-28", "10", "11", "9", "10", "5"))).isEqualTo(1);
    }

    @Test
    void flagsBarsOnWeekendsAndHolidaysButKeepsThem() {
        RawBar saturday = raw("2024-01-06", "10", "11", "9", "10", "5");
        RawBar holiday = raw(HOLIDAY.toString(), "10", "11", "9", "10", "6");

        fixture.given(registered()).when(ingest(saturday, holiday), TODAY)
                .expectEvents(new BarsIngestedEvent(ACME, "run-1", "test", List.of(
                        new IngestedBar(bar(saturday), Verdict.FLAGGED, List.of(new Finding("trading-calendar",
                                "2024-01-06 is a saturday, no trading day on NASDAQ"))),
                        new IngestedBar(bar(holiday), Verdict.FLAGGED, List.of(new Finding("trading-calendar",
                                "2024-01-15 is a holiday on NASDAQ"))))));
    }

    @Test
    void refusesABatchWithoutTodayOrWithTooManyBars() {
        fixture.given(registered()).when(ingest(raw("2024-01-02", "10", "11", "9", "10", "5")))
                .expectException(RuleViolation.class).expectNoEvents();
        RawBar[] tooMany = new RawBar[Instrument.MAX_BATCH + 1];
        java.util.Arrays.fill(tooMany, raw("2024-01-02", "10", "11", "9", "10", "5"));
        fixture.given(registered()).when(ingest(tooMany), TODAY)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("10001 bars"))
                .expectNoEvents();
    }

    @Test
    void refusesBarsForAnInstrumentNobodyRegistered() {
        fixture.givenNoPriorActivity().when(ingest(raw("2024-01-02", "10", "11", "9", "10", "5")), TODAY)
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }

    private List<String> rejectedRules(RawBar bar) {
        List<String> rules = new java.util.ArrayList<>();
        fixture.given(registered()).when(ingest(bar), TODAY).expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.hamcrest.Matchers.instanceOf(BarsQuarantinedEvent.class),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
        fixture.given(registered()).when(ingest(bar), TODAY).expectResultMessagePayloadMatching(
                new org.hamcrest.CustomMatcher<Object>("a report") {
                    @Override
                    public boolean matches(Object outcome) {
                        BarsReport report = (BarsReport) ((CommandOutcome) outcome).report();
                        report.findings().forEach(finding -> rules.add(finding.rule()));
                        return report.rejected() == 1;
                    }
                });
        return rules;
    }

    private int acceptedCount(RawBar bar) {
        return report(ingest(bar)).accepted();
    }

    BarsReport report(IngestBarsCommand command) {
        BarsReport[] found = new BarsReport[1];
        fixture.given(registered()).when(command, TODAY).expectResultMessagePayloadMatching(
                new org.hamcrest.CustomMatcher<Object>("a report") {
                    @Override
                    public boolean matches(Object outcome) {
                        found[0] = (BarsReport) ((CommandOutcome) outcome).report();
                        return true;
                    }
                });
        return found[0];
    }
}

package dev.finflow.command.instruments;

import dev.finflow.events.market.*;
import dev.finflow.command.instruments.domain.BarsReport;
import dev.finflow.command.instruments.domain.Instrument;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static dev.finflow.command.instruments.InstrumentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules that look at stored history: jump (and the split that explains one), stale, duplicate, revision. */
class InstrumentHistoryTest {

    private final AggregateTestFixture<Instrument> fixture = fixture();
    private final List<RawBar> history = quietHistory();
    private final LocalDate next = tradingDays(LocalDate.parse(history.get(history.size() - 1).date()).plusDays(1), 1)
            .get(0);

    @Test
    void rejectsAHundredfoldDecimalShiftAndItsInverse() {
        assertThat(findings(around(next, "10000", 5))).extracting(BarsReport.BarFinding::rule, BarsReport.BarFinding::verdict)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("jump", Verdict.REJECTED));
        assertThat(findings(around(next, "1", 5))).extracting(BarsReport.BarFinding::verdict)
                .containsExactly(Verdict.REJECTED);
    }

    @Test
    void flagsALargeMoveThatIsManyTimesTheRecentVolatility() {
        RawBar rally = around(next, "140", 5);

        fixture.given(registered(), ingested(history)).when(ingest(rally), TODAY)
                .expectEvents(new BarsIngestedEvent(ACME, "run-1", "test", List.of(new IngestedBar(bar(rally),
                        Verdict.FLAGGED, List.of(new Finding("jump", findings(rally).get(0).detail()))))));
        assertThat(findings(rally).get(0).detail()).contains("log return of +0.336").contains("times the recent");
    }

    @Test
    void acceptsOrdinaryMovesAndMovesBelowTheFloorEvenIfRareForTheStock() {
        assertThat(findings(around(next, "102", 5))).isEmpty();
        assertThat(findings(around(next, "115", 5))).isEmpty(); // 14%: far above 10 sigma but below the 0.25 floor
    }

    @Test
    void aRecordedSplitExplainsTheJumpOnItsDate() {
        RawBar afterSplit = around(next, "14.5", 7000);
        SplitRecordedEvent split = new SplitRecordedEvent(ACME, next, new BigDecimal("7"), BigDecimal.ONE, "test");

        fixture.given(registered(), ingested(history), split).when(ingest(afterSplit), TODAY)
                .expectEvents(new BarsIngestedEvent(ACME, "run-1", "test", List.of(accepted(afterSplit))));
        fixture.given(registered(), ingested(history)).when(ingest(afterSplit), TODAY)
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.hamcrest.Matchers.instanceOf(BarsQuarantinedEvent.class),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void judgesABarAgainstTheEarlierBarsOfItsOwnBatchAndNotARejectedOne() {
        RawBar shifted = around(next, "10100", 5);
        RawBar backToNormal = around(next.plusDays(1), "101", 6);

        BarsReport report = report(List.of(), ingest(backToNormal, shifted));
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.accepted()).isEqualTo(1);
    }

    @Test
    void flagsTheThirdDayInARowWithTheSameCloseAndVolume() {
        List<LocalDate> days = tradingDays(next, 3);
        RawBar one = around(days.get(0), "100.5", 777);
        RawBar two = around(days.get(1), "100.5", 777);
        RawBar three = around(days.get(2), "100.5", 777);

        BarsReport report = report(history, ingest(one, two, three));

        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.flagged()).isEqualTo(1);
        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.date()).isEqualTo(days.get(2).toString());
            assertThat(finding.rule()).isEqualTo("stale-repeat");
        });
        assertThat(report(history, ingest(one, two, around(days.get(2), "100.5", 778))).flagged()).isZero();
    }

    @Test
    void aDuplicateOfAStoredBarStoresNothingAndIsCounted() {
        RawBar stored = history.get(3);
        RawBar samePrinted = new RawBar(stored.date(), new BigDecimal(stored.open()).setScale(4).toPlainString(), stored.high(), stored.low(),
                stored.close(), null, stored.volume());

        fixture.given(registered(), ingested(history)).when(ingest(samePrinted, stored), TODAY)
                .expectSuccessfulHandlerExecution().expectNoEvents();
        assertThat(report(history, ingest(samePrinted, stored)).duplicates()).isEqualTo(2);
    }

    @Test
    void aRevisedBarForAStoredDateIsACorrectionKeepingThePreviousValues() {
        RawBar stored = history.get(24);
        RawBar revised = around(LocalDate.parse(stored.date()), "100.7", 999);

        fixture.given(registered(), ingested(history)).when(ingest(revised), TODAY)
                .expectEvents(new BarCorrectedEvent(ACME, "run-1", "test", bar(stored), bar(revised),
                        Verdict.ACCEPTED, List.of(), "revised by test"));
        assertThat(report(history, ingest(revised)).corrected()).isEqualTo(1);
    }

    @Test
    void aRevisionThatFailsTheRulesIsQuarantinedAndTheStoredBarStays() {
        RawBar stored = history.get(24);
        RawBar broken = raw(stored.date(), "100", "90", "110", "100", "5");

        fixture.given(registered(), ingested(history)).when(ingest(broken), TODAY)
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.hamcrest.Matchers.instanceOf(BarsQuarantinedEvent.class),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void theSameDateTwiceInOneBatchIsADuplicateOrARevisionOfTheFirst() {
        RawBar first = around(next, "101", 5);
        BarsReport twice = report(history, ingest(first, first));
        assertThat(twice.accepted()).isEqualTo(1);
        assertThat(twice.duplicates()).isEqualTo(1);

        fixture.given(registered(), ingested(history)).when(ingest(first, around(next, "101.2", 5)), TODAY)
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.hamcrest.Matchers.instanceOf(BarsIngestedEvent.class),
                                org.hamcrest.Matchers.instanceOf(BarCorrectedEvent.class),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    private List<BarsReport.BarFinding> findings(RawBar bar) {
        return report(history, ingest(bar)).findings();
    }

    private BarsReport report(List<RawBar> given, IngestBarsCommand command) {
        BarsReport[] found = new BarsReport[1];
        var events = given.isEmpty() ? List.<Object>of(registered(), ingested(history))
                : List.<Object>of(registered(), ingested(given));
        fixture.given(events).when(command, TODAY).expectResultMessagePayloadMatching(
                new org.hamcrest.CustomMatcher<Object>("a report") {
                    @Override
                    public boolean matches(Object outcome) {
                        found[0] = (BarsReport) ((dev.finflow.runtime.dispatch.CommandOutcome) outcome).report();
                        return true;
                    }
                });
        return found[0];
    }
}

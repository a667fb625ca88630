package dev.finflow.command.ingestion.runs;

import dev.finflow.command.ingestion.runs.domain.IngestionRun;
import dev.finflow.command.ingestion.runs.domain.IngestionRun;
import dev.finflow.command.problems.CommandRule;
import dev.finflow.problems.Rule;
import dev.finflow.problems.RuleViolation;
import org.hamcrest.CustomMatcher;
import org.hamcrest.Matcher;
import dev.finflow.runtime.dispatch.CachingTargetResolver;
import dev.finflow.events.ingestion.*;
import dev.finflow.events.values.Symbol;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

/** The IngestionRun aggregate's rules, each with the events it records or the rule it refuses by. */
class IngestionRunTest {

    static final Symbol AAPL = new Symbol("AAPL");
    static final Symbol MSFT = new Symbol("MSFT");
    static final LocalDate FROM = LocalDate.of(2024, 1, 2);
    static final LocalDate TO = LocalDate.of(2024, 1, 31);

    AggregateTestFixture<IngestionRun> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(IngestionRun.class);
        fixture.registerCommandTargetResolver(new CachingTargetResolver());
    }

    static StartIngestionRunCommand start() {
        return new StartIngestionRunCommand("r1", RunTrigger.MANUAL, null, List.of(AAPL, MSFT), FROM, TO,
                List.of("yahoo", "stooq"));
    }

    static IngestionRunStartedEvent started() {
        return new IngestionRunStartedEvent("r1", RunTrigger.MANUAL, null, List.of(AAPL, MSFT), FROM, TO,
                List.of("yahoo", "stooq"));
    }

    static IngestionRunProgressedEvent progressed(Symbol symbol, int received) {
        return new IngestionRunProgressedEvent("r1", symbol, "yahoo", received, received, 0, 0, 0, 0);
    }

    @Test
    void startsARun() {
        fixture.givenNoPriorActivity().when(start()).expectEvents(started());
    }

    @Test
    void aRepeatedStartRecordsNothing() {
        fixture.given(started()).when(start()).expectNoEvents().expectSuccessfulHandlerExecution();
    }

    @Test
    void aRunIdReusedForOtherSymbolsIsAConflict() {
        fixture.given(started())
                .when(new StartIngestionRunCommand("r1", RunTrigger.MANUAL, null, List.of(AAPL), FROM, TO,
                        List.of("yahoo", "stooq")))
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("started before"));
    }

    @Test
    void refusesAReversedRange() {
        fixture.givenNoPriorActivity()
                .when(new StartIngestionRunCommand("r1", RunTrigger.MANUAL, null, List.of(AAPL), TO, FROM,
                        List.of("yahoo")))
                .expectNoEvents().expectException(RuleViolation.class);
    }

    @Test
    void recordsAFailedAttemptAndWhatHappensNext() {
        fixture.given(started())
                .when(new RecordAttemptFailureCommand("r1", AAPL, "yahoo", 1, "yahoo TIMEOUT", NextStep.RETRY))
                .expectEvents(new IngestionAttemptFailedEvent("r1", AAPL, "yahoo", 1, "yahoo TIMEOUT",
                        NextStep.RETRY));
    }

    @Test
    void refusesProgressForASymbolOutsideTheRun() {
        fixture.given(started())
                .when(new RecordRunProgressCommand("r1", new Symbol("GOOG"), "yahoo", 1, 1, 0, 0, 0, 0))
                .expectNoEvents().expectException(violates(CommandRule.UNKNOWN_RUN_SYMBOL))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("is not part of run r1"));
    }

    @Test
    void progressForASymbolIsRecordedOnce() {
        fixture.given(started(), progressed(AAPL, 20))
                .when(new RecordRunProgressCommand("r1", AAPL, "yahoo", 20, 20, 0, 0, 0, 0))
                .expectNoEvents().expectSuccessfulHandlerExecution();
    }

    @Test
    void completesWithTheBarsReceivedWhenNothingFailed() {
        fixture.given(started(), progressed(AAPL, 20), progressed(MSFT, 21))
                .when(new FinishIngestionRunCommand("r1", List.of(), null))
                .expectEvents(new IngestionRunCompletedEvent("r1", 2, 41));
    }

    @Test
    void failsWithTheSymbolsGivenUp() {
        fixture.given(started(), progressed(AAPL, 20))
                .when(new FinishIngestionRunCommand("r1", List.of(MSFT), "stooq NO_DATA"))
                .expectEvents(new IngestionRunFailedEvent("r1", List.of(MSFT), "stooq NO_DATA"));
    }

    @Test
    void aFinishedRunTakesNoMoreAttempts() {
        fixture.given(started(), new IngestionRunCompletedEvent("r1", 2, 0))
                .when(new RecordAttemptFailureCommand("r1", AAPL, "yahoo", 1, "late", NextStep.RETRY))
                .expectNoEvents().expectException(violates(CommandRule.INGESTION_RUN_FINISHED));
    }

    private static Matcher<Object> violates(Rule rule) {
        return new CustomMatcher<>("a violation of " + rule.id()) {
            @Override
            public boolean matches(Object failure) {
                return failure instanceof RuleViolation violation && violation.rule() == rule;
            }
        };
    }
}

package dev.finflow.command.api;

import dev.finflow.runtime.dispatch.BatchItemFailed;
import dev.finflow.command.problems.CommandRule;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.RuleViolation;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The command side's own failures are named as rules before the shared advice answers them. */
class CommandFailuresTest {

    private final CommandFailures failures = new CommandFailures();

    @Test
    void aLockLostAfterEveryRetryIsAConcurrentModification() {
        RuleViolation violation = failures.translate(new ConcurrencyException("sequence taken"));

        assertThat(violation.rule()).isEqualTo(CommandRule.CONCURRENT_MODIFICATION);
    }

    @Test
    void aMissingAggregateIsAnUnknownAccountOrInstrument() {
        assertThat(failures.translate(new AggregateNotFoundException("acc-9", "none")).rule())
                .isEqualTo(RequestRule.ACCOUNT_NOT_FOUND);
        assertThat(failures.translate(new AggregateNotFoundException("instrument/ACME", "none")).rule())
                .isEqualTo(RequestRule.INSTRUMENT_NOT_FOUND);
    }

    @Test
    void aRefusedBatchItemKeepsItsRuleAndNamesItsIndex() {
        RuleViolation violation = failures.translate(new BatchItemFailed(4,
                new RuleViolation(CommandRule.INSUFFICIENT_CASH, "not enough", "amount")));

        assertThat(violation.rule()).isEqualTo(CommandRule.INSUFFICIENT_CASH);
        assertThat(violation.index()).isEqualTo(4);
        assertThat(violation.field()).isEqualTo("amount");
        assertThat(violation.getMessage()).startsWith("transaction #4 of the batch: not enough");
    }

    @Test
    void leavesUnknownFailuresToTheSharedAdvice() {
        assertThat(failures.translate(new IllegalStateException())).isNull();
        assertThat(failures.translate(new BatchItemFailed(0, new IllegalStateException()))).isNull();
    }
}

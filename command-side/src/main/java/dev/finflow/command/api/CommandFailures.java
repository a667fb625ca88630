package dev.finflow.command.api;

import dev.finflow.runtime.dispatch.BatchItemFailed;
import dev.finflow.command.problems.CommandRule;
import dev.finflow.problems.FailureTranslator;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.RuleViolation;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Names the rules behind the command side's own failures, which the shared problem advice cannot know: Axon's
 * missing aggregate and lost optimistic lock, and the refused item of an all-or-nothing batch.
 */
@Component
class CommandFailures implements FailureTranslator {

    private static final String INSTRUMENT = "instrument/";

    @Override
    public RuleViolation translate(Throwable failure) {
        if (failure instanceof RuleViolation violation) {
            return violation;
        }
        if (failure instanceof BatchItemFailed item) {
            RuleViolation violation = translate(item.getCause());
            return violation == null ? null : violation.atIndex(item.index(), "transaction #" + item.index()
                    + " of the batch: " + violation.getMessage() + "; nothing of the batch was recorded");
        }
        if (failure instanceof AggregateNotFoundException missing) {
            String id = String.valueOf(missing.getAggregateIdentifier());
            return id.startsWith(INSTRUMENT)
                    ? new RuleViolation(RequestRule.INSTRUMENT_NOT_FOUND, "no instrument "
                    + id.substring(INSTRUMENT.length()) + "; register it first with POST /api/v1/instruments")
                    : new RuleViolation(RequestRule.ACCOUNT_NOT_FOUND, "no account " + id);
        }
        if (failure instanceof ConcurrencyException) {
            return new RuleViolation(CommandRule.CONCURRENT_MODIFICATION, "the account kept changing concurrently; "
                    + "send the request again (it is idempotent by transaction id)");
        }
        return null;
    }
}

package dev.finflow.command.instruments.domain;

import dev.finflow.command.problems.CommandRule;
import dev.finflow.problems.RequestRule;
import dev.finflow.problems.RuleViolation;
import dev.finflow.runtime.dispatch.CommandOutcome;
import dev.finflow.command.instruments.domain.quality.Judgement;
import dev.finflow.events.market.Finding;
import dev.finflow.events.market.RecordCashDividendCommand;
import dev.finflow.events.market.RecordSplitCommand;
import dev.finflow.events.values.Money;
import org.axonframework.modelling.command.AggregateLifecycle;

import java.util.Currency;
import java.util.stream.Collectors;

/** The rules of corporate actions and hand corrections, kept beside the aggregate to keep it readable. */
final class Corrections {

    private Corrections() {
    }

    static RuleViolation rejected(Judgement judgement) {
        return new RuleViolation(CommandRule.BAR_REJECTED, "the corrected bar is rejected by the quality rules: "
                + judgement.findings().stream().map(Corrections::describe).collect(Collectors.joining("; ")),
                "bar");
    }

    private static String describe(Finding finding) {
        return finding.rule() + ": " + finding.detail();
    }

    static void requireValidSplit(RecordSplitCommand command, Currency currency) {
        if (command.effectiveDate() == null) {
            throw new RuleViolation(RequestRule.MISSING_FIELD, "effectiveDate is required", "effectiveDate");
        }
        if (command.numerator() == null || command.numerator().signum() <= 0) {
            throw new RuleViolation(RequestRule.INVALID_FIELD, "numerator must be a positive number", "numerator");
        }
        if (command.denominator() == null || command.denominator().signum() <= 0) {
            throw new RuleViolation(RequestRule.INVALID_FIELD, "denominator must be a positive number", "denominator");
        }
        if (command.numerator().compareTo(command.denominator()) == 0) {
            throw new RuleViolation(RequestRule.INVALID_FIELD, "a split of 1 for 1 changes nothing", "numerator");
        }
        if (command.cashInLieuPrice() != null) {
            Money price = new Money(command.cashInLieuPrice(), currency);
            if (!price.isPositive()) {
                throw new RuleViolation(CommandRule.NON_POSITIVE_AMOUNT, "cashInLieuPrice must be positive", "cashInLieuPrice");
            }
            if (!price.hasValidScale()) {
                throw new RuleViolation(CommandRule.TOO_MANY_DECIMALS, "cashInLieuPrice has more than "
                        + currency.getDefaultFractionDigits() + " decimals, the most " + currency + " allows",
                        "cashInLieuPrice");
            }
        }
        if (command.cashInLieuFxRates() != null && command.cashInLieuFxRates().containsKey(currency.getCurrencyCode())) {
            throw new RuleViolation(RequestRule.INVALID_FIELD, "the cash-in-lieu price is in " + currency
                    + " already; cashInLieuFxRates name other currencies only", "cashInLieuFxRates." + currency);
        }
    }

    static void requireValidDividend(RecordCashDividendCommand command, Currency currency) {
        if (command.exDate() == null) {
            throw new RuleViolation(RequestRule.MISSING_FIELD, "exDate is required", "exDate");
        }
        if (command.amountPerUnit() == null || !command.amountPerUnit().isPositive()) {
            throw new RuleViolation(CommandRule.NON_POSITIVE_AMOUNT, "a dividend per unit must be positive", "amount");
        }
        if (!command.amountPerUnit().currency().equals(currency)) {
            throw new RuleViolation(CommandRule.CURRENCY_MISMATCH, "the instrument is priced in " + currency
                    + ", the dividend is in " + command.amountPerUnit().currency(), "currency");
        }
    }

    /** The same action again is answered as done; another one for the same date is a conflict. */
    static CommandOutcome repeatOrConflict(boolean same, String instrumentId, String known) {
        if (!same) {
            throw new RuleViolation(CommandRule.CORPORATE_ACTION_CONFLICT, known
                    + "; a different one cannot be recorded over it");
        }
        return CommandOutcome.repeated(instrumentId, AggregateLifecycle.getVersion());
    }
}

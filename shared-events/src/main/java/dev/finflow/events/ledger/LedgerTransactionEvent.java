package dev.finflow.events.ledger;

import dev.finflow.events.EffectiveDated;
import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.TransactionId;

import java.time.LocalDate;
import java.util.List;

/**
 * Every event that moves value in an account: it names the transaction, the date it takes effect on, and its
 * balanced legs. Projections that only need the legs (holdings, balances) treat all of these alike.
 */
public interface LedgerTransactionEvent extends EffectiveDated {

    AccountId accountId();

    TransactionId transactionId();

    /** The booking, trade or payment date: the day the transaction counts from in balances and time travel. */
    @Override
    LocalDate effectiveDate();

    List<Leg> legs();
}

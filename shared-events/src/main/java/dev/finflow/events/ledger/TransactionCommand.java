package dev.finflow.events.ledger;

import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.TransactionId;

/** A command that records one transaction in an account, identified by a client-chosen transaction id. */
public interface TransactionCommand {

    AccountId accountId();

    TransactionId transactionId();
}

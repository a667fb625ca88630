package dev.finflow.command.accounts.domain;

import dev.finflow.events.values.AccountId;
import dev.finflow.events.values.Symbol;
import dev.finflow.events.values.TransactionId;

import java.time.LocalDate;

/**
 * Transaction ids the ledger makes itself. They carry an {@code @}, which client ids may not, so they never
 * collide with a client's: a received transfer is {@code transferId@sender} (two senders may use the same id),
 * a split's cash in lieu {@code split.DATE.SYMBOL@cash-in-lieu}.
 */
public final class SystemIds {

    private static final String CASH_IN_LIEU = "cash-in-lieu";

    private SystemIds() {
    }

    public static TransactionId received(TransactionId transferId, AccountId sender) {
        return new TransactionId(transferId.value() + "@" + sender.value());
    }

    /** The sender and its transfer id of a received transfer's id, or null for any other id. */
    public static String[] receivedFrom(TransactionId id) {
        int at = id.value().indexOf('@');
        if (at < 0 || id.value().endsWith("@" + CASH_IN_LIEU)) {
            return null;
        }
        return new String[]{id.value().substring(at + 1), id.value().substring(0, at)};
    }

    static TransactionId cashInLieu(Symbol symbol, LocalDate date) {
        return new TransactionId("split." + date + "." + symbol.value().replaceAll("[^A-Za-z0-9._-]", "_")
                + "@" + CASH_IN_LIEU);
    }
}

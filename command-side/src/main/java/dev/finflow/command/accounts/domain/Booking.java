package dev.finflow.command.accounts.domain;

import dev.finflow.events.ledger.Leg;

import java.time.LocalDate;
import java.util.List;

/**
 * What the account remembers of each recorded transaction: enough to answer a repeat (digest, sequence number)
 * and to reverse or refund it (its kind, legs and the date it takes effect on).
 */
record Booking(Kind kind, String digest, long sequenceNumber, List<Leg> legs, LocalDate date) {

    enum Kind {
        DEPOSIT, WITHDRAWAL, TRADE, DIVIDEND, FEE, REVERSAL, TRANSFER_SENT, TRANSFER_RECEIVED, CASH_IN_LIEU
    }

    /** Transfers are reversed at the receiving account (both legs go); a split's cash in lieu is a fact. */
    boolean reversible() {
        return kind != Kind.REVERSAL && kind != Kind.TRANSFER_SENT && kind != Kind.CASH_IN_LIEU;
    }
}

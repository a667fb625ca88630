package dev.finflow.command.accounts;

import dev.finflow.events.ledger.Leg;

import java.util.List;

/**
 * What the account remembers of each recorded transaction: enough to answer a repeat (digest, sequence number)
 * and to reverse or refund it (its kind and legs).
 */
record Booking(Kind kind, String digest, long sequenceNumber, List<Leg> legs) {

    enum Kind {
        DEPOSIT, WITHDRAWAL, TRADE, DIVIDEND, FEE, REVERSAL, TRANSFER_SENT, TRANSFER_RECEIVED
    }

    boolean reversible() {
        return kind != Kind.REVERSAL && kind != Kind.TRANSFER_SENT && kind != Kind.TRANSFER_RECEIVED;
    }
}

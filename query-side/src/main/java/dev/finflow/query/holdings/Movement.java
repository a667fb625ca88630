package dev.finflow.query.holdings;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One cash or security leg of a ledger transaction, as it moves one holding. */
record Movement(long position, int leg, String accountId, String asset, Kind kind, LocalDate date,
                BigDecimal quantity, BigDecimal amount, String transactionId, String reverses, String eventId,
                String eventType, Instant recordedAt, String principal) {

    enum Kind {
        CASH, SECURITY
    }

    Key key() {
        return new Key(accountId, asset);
    }

    record Key(String accountId, String asset) {
    }
}

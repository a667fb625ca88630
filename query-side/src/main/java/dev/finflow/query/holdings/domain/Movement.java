package dev.finflow.query.holdings.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One cash or security leg of a ledger transaction, as it moves one holding. */
public record Movement(long position, int leg, String accountId, String asset, Kind kind, LocalDate date,
                       BigDecimal quantity, BigDecimal amount, String transactionId, String reverses, String eventId,
                       String eventType, Instant recordedAt, String principal) {

    public enum Kind {
        CASH, SECURITY
    }

    public Key key() {
        return new Key(accountId, asset);
    }

    public record Key(String accountId, String asset) {
    }
}

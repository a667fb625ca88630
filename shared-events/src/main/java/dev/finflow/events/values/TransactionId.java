package dev.finflow.events.values;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * The client-chosen identity of a transaction within an account. Sending a command again with the same id is
 * how a client retries safely: same content is answered as already done, different content is a conflict.
 * Ids the ledger makes itself carry one {@code @} (a received transfer is {@code transferId@sender}); client
 * ids never do.
 */
public record TransactionId(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}(@[A-Za-z0-9][A-Za-z0-9._:-]{0,63})?");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public TransactionId {
        Identifiers.require(FORMAT, value, "transaction id");
    }

    @Override
    public String toString() {
        return value;
    }
}

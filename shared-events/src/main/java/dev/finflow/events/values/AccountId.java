package dev.finflow.events.values;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/** Identifies one portfolio account. Chosen by the client or generated; at most 64 characters. */
public record AccountId(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AccountId {
        Identifiers.require(FORMAT, value, "account id");
    }

    @Override
    public String toString() {
        return value;
    }
}

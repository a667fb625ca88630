package dev.finflow.events.values;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/** A ticker symbol as the market data providers spell it, upper case (AAPL, BRK-B, ^GSPC, EURUSD=X). */
public record Symbol(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9^][A-Z0-9.^=_-]{0,19}");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Symbol {
        Identifiers.require(FORMAT, value, "symbol");
    }

    @Override
    public String toString() {
        return value;
    }
}

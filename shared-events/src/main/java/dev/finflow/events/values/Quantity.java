package dev.finflow.events.values;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A number of units of an instrument (shares, coins). Exact; fractional units are allowed up to
 * {@link #MAX_SCALE} decimals. Whether a quantity is acceptable is the aggregate's decision, so any value can be
 * held here.
 */
public record Quantity(@JsonValue BigDecimal value) {

    /** The most decimals a quantity may carry (fractional shares, crypto). */
    public static final int MAX_SCALE = 8;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Quantity {
        Objects.requireNonNull(value, "quantity");
    }

    public static Quantity of(String value) {
        return new Quantity(new BigDecimal(value));
    }

    public boolean isPositive() {
        return value.signum() > 0;
    }

    public boolean hasValidScale() {
        return value.stripTrailingZeros().scale() <= MAX_SCALE;
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}

package dev.finflow.events.market;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One daily price bar as a provider reported it, parsed. Prices are exact decimals in the instrument's currency.
 *
 * @param adjustedClose the provider's split- and dividend-adjusted close, or {@code null} when it gives none
 */
public record Bar(LocalDate date,
                  BigDecimal open,
                  BigDecimal high,
                  BigDecimal low,
                  BigDecimal close,
                  BigDecimal adjustedClose,
                  long volume) {

    public Bar {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
    }

    /** Same date and the same numbers (compared by value, so 1.50 equals 1.5): a duplicate, not a revision. */
    public boolean sameValuesAs(Bar other) {
        return date.equals(other.date)
                && open.compareTo(other.open) == 0 && high.compareTo(other.high) == 0
                && low.compareTo(other.low) == 0 && close.compareTo(other.close) == 0
                && (adjustedClose == null ? other.adjustedClose == null
                    : other.adjustedClose != null && adjustedClose.compareTo(other.adjustedClose) == 0)
                && volume == other.volume;
    }
}

package dev.finflow.command.ingestion.providers;

import dev.finflow.events.values.Symbol;

import java.time.LocalDate;

/**
 * A source of daily bars. An implementation either returns what the source has for the range or throws a
 * {@link ProviderFailure} saying why not; it never answers an empty success, which would hide a gap. Every call
 * is bounded by a timeout.
 */
public interface MarketDataProvider {

    /** The name runs, events and configuration use for this provider ({@code yahoo}, {@code stooq}...). */
    String name();

    /** Daily bars for {@code from}..{@code to} inclusive, with the splits and dividends the source reports. */
    ProviderData fetch(Symbol symbol, LocalDate from, LocalDate to);
}

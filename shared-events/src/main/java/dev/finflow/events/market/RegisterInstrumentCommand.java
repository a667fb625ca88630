package dev.finflow.events.market;

import dev.finflow.events.values.Symbol;

import java.time.LocalDate;
import java.util.Currency;

/**
 * Registers an instrument. For an {@link InstrumentType#FX_PAIR} (EURUSD=X) {@code baseCurrency} is the currency
 * one unit of which the price buys in {@code currency}; it is {@code null} for every other type.
 */
public record RegisterInstrumentCommand(Symbol symbol,
                                        String name,
                                        InstrumentType type,
                                        Currency currency,
                                        Currency baseCurrency,
                                        String exchange,
                                        LocalDate registeredOn) implements InstrumentCommand {
}

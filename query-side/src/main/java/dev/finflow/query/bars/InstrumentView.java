package dev.finflow.query.bars;

import java.time.LocalDate;

/** A registered instrument as the API shows it. */
public record InstrumentView(String symbol, String name, String type, String currency, String baseCurrency,
                             String exchange, LocalDate registeredOn) {
}
